package nl.blijvendveilig.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, with one change: a client's mistake answers 4xx.
 * A refused input ({@link InvalidInput}, e.g. {@code formdata.RejectedInput}) answers 400 wherever it
 * comes in (Camunda already does so on {@code complete} and {@code submit-form}, but its {@code start}
 * resource and a message correlation turn every engine exception into a 500), and completing a task
 * that no longer exists answers 404, not 500.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class EngineRestErrors extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    for (Class<?> configuration : CamundaRestResources.getConfigurationClasses()) {
      if (configuration != RestExceptionHandler.class && configuration != ProcessEngineExceptionHandler.class) {
        register(configuration);
      }
    }
    register(org.glassfish.jersey.jackson.JacksonFeature.class);
    register(InvalidInputAwareHandler.class);
    register(InvalidInputAwareEngineHandler.class);
  }

  static Response badRequest(String message, InvalidInput rejected) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", rejected.getClass().getSimpleName());
    body.put("message", message);
    body.put("errors", rejected.errors());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static InvalidInput find(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInput rejected) {
        return rejected;
      }
    }
    return null;
  }

  /** Engine exceptions that no resource caught, e.g. from a message correlation. */
  @Provider
  public static class InvalidInputAwareEngineHandler extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      InvalidInput rejected = find(exception);
      return rejected == null ? super.toResponse(exception) : badRequest(rejected.getMessage(), rejected);
    }
  }

  @Provider
  public static class InvalidInputAwareHandler extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException exception) {
      InvalidInput rejected = find(exception);
      if (rejected != null) {
        return badRequest(rejected.getMessage(), rejected);
      }
      if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR
          && exception.getCause() instanceof NullValueException) {
        // e.g. completing a task that no longer exists: the client's mistake, not the server's
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "NotFound", "message", exception.getMessage())).build();
      }
      return super.toResponse(exception);
    }
  }
}

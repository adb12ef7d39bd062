package nl.blijvendveilig.formdata;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, with one change: a refused input that reaches
 * {@code POST /process-definition/.../start} answers 400, as it already does on {@code complete} and
 * {@code submit-form} (Camunda's start resource turns every engine exception into a 500).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RejectedInputRestMapping extends CamundaJerseyResourceConfig {

  @Override
  protected void registerCamundaRestResources() {
    registerClasses(CamundaRestResources.getResourceClasses());
    for (Class<?> configuration : CamundaRestResources.getConfigurationClasses()) {
      if (configuration != RestExceptionHandler.class) {
        register(configuration);
      }
    }
    register(org.glassfish.jersey.jackson.JacksonFeature.class);
    register(RejectedInputAwareHandler.class);
  }

  @Provider
  public static class RejectedInputAwareHandler extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException exception) {
      RejectedInput rejected = find(exception);
      if (rejected == null) {
        return super.toResponse(exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", RejectedInput.class.getSimpleName());
      body.put("message", exception.getMessage());
      body.put("errors", rejected.errors());
      return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static RejectedInput find(Throwable exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof RejectedInput rejected) {
          return rejected;
        }
      }
      return null;
    }
  }
}

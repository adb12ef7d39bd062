package nl.blijvendveilig.audit;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import nl.blijvendveilig.platform.CaseDataAccess;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The cases in an answer of the project's API, from the answer itself: a record (or map) with a
 * {@code caseNumber}, or a list of them. The access log adds an entry for each such case that the
 * endpoint did not log itself (e.g. the list of open cases: one entry per case shown).
 */
@RestControllerAdvice
class CasesInAnswers implements ResponseBodyAdvice<Object> {

  private static final ClassValue<Optional<Method>> CASE_NUMBER = new ClassValue<>() {
    @Override
    protected Optional<Method> computeValue(Class<?> type) {
      if (!type.isRecord()) {
        return Optional.empty();
      }
      for (var component : type.getRecordComponents()) {
        if (component.getName().equals("caseNumber") && component.getType() == String.class) {
          Method accessor = component.getAccessor();
          accessor.setAccessible(true);
          return Optional.of(accessor);
        }
      }
      return Optional.empty();
    }
  };

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (body instanceof Collection<?> rows) {
      rows.forEach(CasesInAnswers::caseOf);
    } else {
      caseOf(body);
    }
    return body;
  }

  private static void caseOf(Object row) {
    if (row instanceof Map<?, ?> map) {
      if (map.get("caseNumber") instanceof String caseNumber) {
        CaseDataAccess.returned(caseNumber);
      }
      return;
    }
    if (row == null || row instanceof AuditLog.Entry) {
      // the access log itself: reading it is logged by AuditApi, not as a read of every case in it
      return;
    }
    CASE_NUMBER.get(row.getClass()).ifPresent(accessor -> {
      try {
        if (accessor.invoke(row) instanceof String caseNumber) {
          CaseDataAccess.returned(caseNumber);
        }
      } catch (ReflectiveOperationException e) {
        // no case to note
      }
    });
  }
}

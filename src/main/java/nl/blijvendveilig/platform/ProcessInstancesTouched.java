package nl.blijvendveilig.platform;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;

/**
 * A MyBatis plugin on the engine's (and Cockpit's) SQL sessions: every row the engine reads, and
 * every entity it inserts, updates or deletes, gives the process instance it belongs to, taken from
 * the row itself ({@code getProcessInstanceId()}, {@code getRootProcessInstanceId()}, or the id of a
 * process instance row such as Cockpit's {@code ProcessInstanceDto}). The query's parameters are never
 * looked at: a case named in a request is not a case read.
 */
@Intercepts({
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
    @Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class, CacheKey.class,
            BoundSql.class}),
    @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
final class ProcessInstancesTouched implements Interceptor {

  private static final ClassValue<List<Method>> ID_GETTERS = new ClassValue<>() {
    @Override
    protected List<Method> computeValue(Class<?> type) {
      List<Method> getters = new ArrayList<>();
      for (String name : new String[] {"getProcessInstanceId", "getRootProcessInstanceId"}) {
        getter(type, name).ifPresent(getters::add);
      }
      if (getters.isEmpty() && type.getSimpleName().contains("ProcessInstance")) {
        // a process instance row (Cockpit's ProcessInstanceDto, CalledProcessInstanceDto): its id is the instance
        getter(type, "getId").ifPresent(getters::add);
      }
      return List.copyOf(getters);
    }
  };

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    Object result = invocation.proceed();
    CaseDataAccess access = CaseDataAccess.current();
    if (access != null) {
      if ("update".equals(invocation.getMethod().getName())) {
        access.wrote();
        processInstancesOf(invocation.getArgs()[1], access::changed);
      } else if (result instanceof Collection<?> rows) {
        for (Object row : rows) {
          processInstancesOf(row, access::read);
        }
      }
    }
    return result;
  }

  static void processInstancesOf(Object row, Consumer<String> processInstanceIds) {
    if (row == null || row instanceof String || row instanceof Number || row instanceof Boolean) {
      return;
    }
    if (row instanceof ListQueryParameterObject parameter) {
      processInstancesOf(parameter.getParameter(), processInstanceIds);
      return;
    }
    if (row instanceof Map<?, ?> map) {
      for (String key : new String[] {"processInstanceId", "rootProcessInstanceId"}) {
        if (map.get(key) instanceof String id) {
          processInstanceIds.accept(id);
        }
      }
      return;
    }
    for (Method getter : ID_GETTERS.get(row.getClass())) {
      try {
        if (getter.invoke(row) instanceof String id && !id.isEmpty()) {
          processInstanceIds.accept(id);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a getter that cannot be read gives no id
      }
    }
  }

  private static java.util.Optional<Method> getter(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      if (method.getReturnType() != String.class || Modifier.isStatic(method.getModifiers())) {
        return java.util.Optional.empty();
      }
      if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
        method.setAccessible(true);
      }
      return java.util.Optional.of(method);
    } catch (NoSuchMethodException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}

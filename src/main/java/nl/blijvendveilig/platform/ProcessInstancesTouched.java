package nl.blijvendveilig.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * the row itself (its {@code processInstanceId} or {@code rootProcessInstanceId}, or the id of a
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

  /**
   * Fields, not getters: an engine entity's getter may load more (ExecutionEntity's
   * getRootProcessInstanceId fetches its process instance), which must not happen in the middle of a query.
   */
  private static final ClassValue<List<Field>> ID_FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (String name : new String[] {"processInstanceId", "rootProcessInstanceId"}) {
        field(type, name).ifPresent(fields::add);
      }
      if (fields.isEmpty() && type.getSimpleName().contains("ProcessInstance")) {
        // a process instance row (Cockpit's ProcessInstanceDto, CalledProcessInstanceDto): its id is the instance
        field(type, "id").ifPresent(fields::add);
      }
      return List.copyOf(fields);
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
    for (Field field : ID_FIELDS.get(row.getClass())) {
      try {
        if (field.get(row) instanceof String id && !id.isEmpty()) {
          processInstanceIds.accept(id);
        }
      } catch (IllegalAccessException | RuntimeException e) {
        // a field that cannot be read gives no id
      }
    }
  }

  private static Optional<Field> field(Class<?> type, String name) {
    for (Class<?> declaring = type; declaring != null && declaring != Object.class; declaring = declaring.getSuperclass()) {
      try {
        Field field = declaring.getDeclaredField(name);
        if (field.getType() != String.class || Modifier.isStatic(field.getModifiers())) {
          return Optional.empty();
        }
        field.setAccessible(true);
        return Optional.of(field);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (RuntimeException inaccessible) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}

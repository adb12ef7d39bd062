package nl.blijvendveilig.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case of a process instance: the business key of its root process instance (a stage called from
 * the case process has the case's root). Read from the engine's tables directly, without the
 * caller's authorizations and outside the access log's own collection: the log knows the case of an
 * instance it refused too. History first (it holds ended instances), the runtime for the rest.
 */
@Component
class RootBusinessKeys {

  private static final int CHUNK = 500;

  private final JdbcClient jdbc;

  RootBusinessKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** process instance id -> root business key, for those that have one */
  Map<String, String> ofInstances(Collection<String> processInstanceIds) {
    Map<String, String> keys = new HashMap<>();
    lookUp(keys, processInstanceIds, "select p.ID_, r.BUSINESS_KEY_ from ACT_HI_PROCINST p "
        + "join ACT_HI_PROCINST r on r.ID_ = coalesce(p.ROOT_PROC_INST_ID_, p.ID_) where p.ID_ in (%s)");
    List<String> missing = processInstanceIds.stream().filter(id -> !keys.containsKey(id)).toList();
    lookUp(keys, missing, "select e.ID_, r.BUSINESS_KEY_ from ACT_RU_EXECUTION e "
        + "join ACT_RU_EXECUTION r on r.ID_ = coalesce(e.ROOT_PROC_INST_ID_, e.PROC_INST_ID_) where e.ID_ in (%s)");
    // a case number (JB-YYYY-NNNNNN) has at most 20 characters; another key is no case
    keys.values().removeIf(key -> key == null || key.length() > 20);
    return keys;
  }

  /** task id -> process instance id, for runtime and ended tasks */
  Map<String, String> instancesOfTasks(Collection<String> taskIds) {
    Map<String, String> instances = new HashMap<>();
    lookUp(instances, taskIds, "select ID_, PROC_INST_ID_ from ACT_HI_TASKINST where ID_ in (%s)");
    List<String> missing = taskIds.stream().filter(id -> !instances.containsKey(id)).toList();
    lookUp(instances, missing, "select ID_, PROC_INST_ID_ from ACT_RU_TASK where ID_ in (%s)");
    instances.values().removeIf(id -> id == null);
    return instances;
  }

  private void lookUp(Map<String, String> into, Collection<String> ids, String sql) {
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      jdbc.sql(sql.formatted(String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))))
          .params(new ArrayList<Object>(chunk))
          .query((rs, row) -> {
            into.putIfAbsent(rs.getString(1), rs.getString(2));
            return null;
          })
          .list();
    }
  }
}

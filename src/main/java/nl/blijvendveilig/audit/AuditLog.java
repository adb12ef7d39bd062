package nl.blijvendveilig.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only access log (NEN 7513): every read and change of case data by a user. */
@Repository
public class AuditLog {

  public enum Action { LEZEN, WIJZIGEN }

  public record Entry(Instant at, String userId, String caseNumber, String action, String what, String channel) {
  }

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String userId, String caseNumber, Action action, String what, String channel) {
    jdbc.sql("insert into bv_audit (at, user_id, case_number, action, what, channel) values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(ClockUtil.getCurrentTime().toInstant()), userId, caseNumber, action.name(),
            what.length() > 300 ? what.substring(0, 300) : what, channel)
        .update();
  }

  public List<Entry> find(String caseNumber, String userId, int limit) {
    StringBuilder sql = new StringBuilder("select at, user_id, case_number, action, what, channel from bv_audit where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (caseNumber != null) {
      sql.append(" and case_number = ?");
      params.add(caseNumber);
    }
    if (userId != null) {
      sql.append(" and user_id = ?");
      params.add(userId);
    }
    sql.append(" order by at desc, id desc");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list().stream().limit(limit).toList();
  }
}

package nl.blijvendveilig.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.blijvendveilig.platform.CaseDataAccess;
import nl.blijvendveilig.platform.EngineClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only access log (NEN 7513): every read and change of case data by a user. */
@Repository
public class AuditLog {

  public enum Action { LEZEN, WIJZIGEN }

  public record Entry(Instant at, String userId, String caseNumber, String action, String what, String channel) {
  }

  /** An entry to write; the time is the moment it is written. */
  public record NewEntry(String userId, String caseNumber, Action action, String what, String channel) {
  }

  private static final String INSERT =
      "insert into bv_audit (at, user_id, case_number, action, what, channel) values (?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  public AuditLog(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public void record(String userId, String caseNumber, Action action, String what, String channel) {
    jdbc.sql(INSERT)
        .params(Timestamp.from(EngineClock.now().toInstant()), userId, caseNumber, action.name(),
            what.length() > 300 ? what.substring(0, 300) : what, channel)
        .update();
    // the request's own entry: the access log of the request adds none for this case
    CaseDataAccess.logged(caseNumber);
  }

  /** Many entries at once, in one batch (a page of a task list touches many cases). */
  public void recordAll(List<NewEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.from(EngineClock.now().toInstant());
    batch.batchUpdate(INSERT, entries.stream().map(e -> new Object[] {at, truncate(e.userId(), 64), e.caseNumber(),
        e.action().name(), truncate(e.what(), 300), e.channel()}).toList());
  }

  private static String truncate(String text, int length) {
    return text.length() > length ? text.substring(0, length) : text;
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

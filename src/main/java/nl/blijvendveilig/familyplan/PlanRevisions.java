package nl.blijvendveilig.familyplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The append-only revisions of the gezinsplan. There is no update and no delete. */
@Repository
public class PlanRevisions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcClient jdbc;

  public PlanRevisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Revision> latest(String caseNumber) {
    return jdbc.sql("select * from bv_plan_revision where case_number = ? order by revision desc")
        .param(caseNumber).query(this::revision).list().stream().findFirst();
  }

  public Optional<Revision> get(String caseNumber, int number) {
    return jdbc.sql("select * from bv_plan_revision where case_number = ? and revision = ?")
        .params(caseNumber, number).query(this::revision).optional();
  }

  public List<Revision> all(String caseNumber) {
    return jdbc.sql("select * from bv_plan_revision where case_number = ? order by revision")
        .param(caseNumber).query(this::revision).list();
  }

  /**
   * Makes the other writers of this case's plan wait until the calling transaction ends: it locks the
   * case row ({@code select ... for update}, on PostgreSQL and H2), so two job executor threads or two
   * nodes on one database take turns, and each reads the revision the one before it wrote. Call it in
   * the writing transaction before reading the plan to change; a second call in it costs nothing.
   */
  public void lockPlan(String caseNumber) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("The plan of " + caseNumber + " is written in a transaction only");
    }
    jdbc.sql("select case_number from bv_case where case_number = ? for update").param(caseNumber)
        .query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("No case " + caseNumber + " to write a plan for"));
  }

  /** Writes the next revision, the plan of the case locked (see {@link #lockPlan}) so no one else takes its number. */
  public Revision append(String caseNumber, Instant at, String author, String reason, String causedBy,
      ObjectNode content) {
    lockPlan(caseNumber);
    int next = jdbc.sql("select coalesce(max(revision), 0) + 1 from bv_plan_revision where case_number = ?")
        .param(caseNumber).query(Integer.class).single();
    try {
      jdbc.sql("""
          insert into bv_plan_revision (case_number, revision, created_at, author, reason, caused_by, content)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(caseNumber, next, Timestamp.from(at), author, reason, causedBy, JSON.writeValueAsString(content))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the plan of " + caseNumber, e);
    }
    return new Revision(caseNumber, next, at, author, reason, causedBy, content);
  }

  private Revision revision(ResultSet rs, int row) throws SQLException {
    try {
      return new Revision(rs.getString("case_number"), rs.getInt("revision"), rs.getTimestamp("created_at").toInstant(),
          rs.getString("author"), rs.getString("reason"), rs.getString("caused_by"),
          (ObjectNode) JSON.readTree(rs.getString("content")));
    } catch (JsonProcessingException e) {
      throw new SQLException("Unreadable plan revision", e);
    }
  }
}

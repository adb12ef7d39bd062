package nl.blijvendveilig.familyplan;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The goals of a case; progress keeps the moment it last moved, for the stagnation rule. */
@Repository
public class Goals {

  private final JdbcClient jdbc;

  public Goals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Goal> of(String caseNumber) {
    return jdbc.sql("""
        select goal_no, description, owner, help, progress, progress_changed_at from bv_goal
        where case_number = ? order by goal_no""")
        .param(caseNumber)
        .query((rs, row) -> new Goal(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  /** Adds or rewrites a goal; its progress moment changes only when the progress does. */
  public void save(String caseNumber, Goal goal, Instant now) {
    Optional<Goal> existing = of(caseNumber).stream().filter(g -> g.number() == goal.number()).findFirst();
    if (existing.isEmpty()) {
      jdbc.sql("""
          insert into bv_goal (case_number, goal_no, description, owner, help, progress, progress_changed_at)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(caseNumber, goal.number(), goal.description(), goal.owner(), goal.help(), goal.progress(),
              Timestamp.from(now))
          .update();
      return;
    }
    Instant changed = existing.get().progress() == goal.progress() ? existing.get().progressChangedAt() : now;
    jdbc.sql("""
        update bv_goal set description = ?, owner = ?, help = ?, progress = ?, progress_changed_at = ?
        where case_number = ? and goal_no = ?""")
        .params(goal.description(), goal.owner(), goal.help(), goal.progress(), Timestamp.from(changed), caseNumber,
            goal.number())
        .update();
  }
}

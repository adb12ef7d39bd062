package nl.blijvendveilig.familyplan;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The series of safety scores of a case, oldest first; appended only. */
@Repository
public class SafetyScores {

  private final JdbcClient jdbc;

  public SafetyScores(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String caseNumber, SafetyScore score) {
    jdbc.sql("""
        insert into bv_safety_score (case_number, scored_at, contact_type, score, present, author, revision)
        values (?, ?, ?, ?, ?, ?, ?)""")
        .params(caseNumber, Timestamp.from(score.scoredAt()), score.contactType(), score.score(), score.present(),
            score.author(), score.revision())
        .update();
  }

  public List<SafetyScore> series(String caseNumber) {
    return jdbc.sql("""
        select scored_at, contact_type, score, present, author, revision from bv_safety_score
        where case_number = ? order by scored_at, id""")
        .param(caseNumber)
        .query((rs, row) -> new SafetyScore(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3),
            rs.getString(4), rs.getString(5), rs.getInt(6)))
        .list();
  }
}

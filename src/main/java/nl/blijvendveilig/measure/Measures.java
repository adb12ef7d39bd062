package nl.blijvendveilig.measure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of court measures per case, written in the engine's transaction. */
@Repository
public class Measures {

  /** How a measure ended, in the words of the CBS delivery. */
  public enum EndReason {
    OPHEFFING("tussentijdse opheffing"),
    NIET_VERLENGD("niet verlengd"),
    VOLGENS_PLAN("beëindiging volgens plan");

    private final String label;

    EndReason(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record Measure(long id, String caseNumber, String type, LocalDate start, LocalDate firstEnd, LocalDate end,
      int extensions, String decisionReference, LocalDate endedOn, String endReason) {
  }

  private final JdbcClient jdbc;

  public Measures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A measure starts once per decision: a job that runs again after a failure does not add a second one. */
  public void start(String caseNumber, String type, LocalDate start, LocalDate end, String decisionReference) {
    boolean known = jdbc.sql("select count(*) from bv_measure where case_number = ? and type = ? and start_date = ?")
        .params(caseNumber, type, start).query(Integer.class).single() > 0;
    if (!known) {
      jdbc.sql("""
          insert into bv_measure (case_number, type, start_date, first_end_date, end_date, decision_reference)
          values (?, ?, ?, ?, ?, ?)""")
          .params(caseNumber, type, start, end, end, decisionReference).update();
    }
  }

  public void extend(String caseNumber, LocalDate newEnd) {
    jdbc.sql("""
        update bv_measure set end_date = ?, extensions = extensions + 1
        where case_number = ? and ended_on is null and end_date <> ?""")
        .params(newEnd, caseNumber, newEnd).update();
  }

  /** Ended today, or on its end date when that passed first (the timer of an expired measure may run late). */
  public void end(String caseNumber, LocalDate today, EndReason reason) {
    current(caseNumber).ifPresent(measure -> jdbc.sql("update bv_measure set ended_on = ?, end_reason = ? where id = ?")
        .params(measure.end().isBefore(today) ? measure.end() : today, reason.label(), measure.id()).update());
  }

  public Optional<Measure> current(String caseNumber) {
    return of(caseNumber).stream().filter(m -> m.endedOn() == null).findFirst();
  }

  public List<Measure> of(String caseNumber) {
    return jdbc.sql(SELECT + " where case_number = ? order by start_date, id").param(caseNumber).query(Measures::map).list();
  }

  /** Measures that ran on some day of the period: started before its end and not ended before its start. */
  public List<Measure> during(LocalDate from, LocalDate to) {
    return jdbc.sql(SELECT + " where start_date <= ? and (ended_on is null or ended_on >= ?) order by case_number, start_date")
        .params(to, from).query(Measures::map).list();
  }

  public List<Measure> all() {
    return jdbc.sql(SELECT + " order by start_date, id").query(Measures::map).list();
  }

  static final String SELECT = "select id, case_number, type, start_date, first_end_date, end_date, extensions,"
      + " decision_reference, ended_on, end_reason from bv_measure";

  private static Measure map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Measure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
        rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(), rs.getInt(7), rs.getString(8),
        rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10));
  }
}

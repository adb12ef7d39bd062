package nl.blijvendveilig.casefile;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The case file in the project's own tables, written in the engine's transaction. */
@Repository
public class CaseFiles {

  private final JdbcClient jdbc;

  public CaseFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void open(String caseNumber, String familyName, String city, String postcode, Date openedAt,
      String processInstanceId, boolean acute, List<Child> children, String reentryOf) {
    jdbc.sql("""
        insert into bv_case (case_number, family_name, city, postcode, opened_at, process_instance_id, acute, reentry_of,
          directed_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'intake')""")
        .params(caseNumber, familyName, city, postcode, new Timestamp(openedAt.getTime()), processInstanceId, acute,
            reentryOf)
        .update();
    for (Child child : children) {
      jdbc.sql("insert into bv_child (case_number, first_name, last_name, birth_date, bsn, gender) values (?, ?, ?, ?, ?, ?)")
          .params(caseNumber, child.firstName(), child.lastName(), child.birthDate(), child.bsn(), child.gender())
          .update();
    }
  }

  /** The open case of a family, found through any of its children (by BSN, or by name and birth date). */
  public Optional<String> openCaseOf(List<Child> children) {
    return casesOf(children, "c.closed_at is null", null);
  }

  /** A case of one of these children that was closed after {@code closedAfter}: this melding is a re-entry. */
  public Optional<String> caseClosedAfter(List<Child> children, Date closedAfter) {
    return casesOf(children, "c.closed_at >= ?", new Timestamp(closedAfter.getTime()));
  }

  private Optional<String> casesOf(List<Child> children, String condition, Object conditionParam) {
    for (Child child : children) {
      String match;
      List<Object> params;
      if (child.bsn() != null) {
        match = "k.bsn = ?";
        params = new java.util.ArrayList<>(List.of(child.bsn()));
      } else if (child.birthDate() != null) {
        match = "lower(k.first_name) = lower(?) and lower(k.last_name) = lower(?) and k.birth_date = ?";
        params = new java.util.ArrayList<>(List.of(child.firstName(), child.lastName(), child.birthDate()));
      } else {
        continue;
      }
      if (conditionParam != null) {
        params.add(conditionParam);
      }
      Optional<String> found = jdbc.sql("select c.case_number from bv_case c join bv_child k on k.case_number = c.case_number"
              + " where " + match + " and " + condition + " order by c.opened_at desc")
          .params(params).query(String.class).list().stream().findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  public void assign(String caseNumber, String jeugdbeschermer) {
    jdbc.sql("update bv_case set jeugdbeschermer = ?, directed_by = 'jeugdbeschermer' where case_number = ?")
        .params(jeugdbeschermer, caseNumber).update();
  }

  public void directedBy(String caseNumber, String group) {
    jdbc.sql("update bv_case set directed_by = ? where case_number = ?").params(group, caseNumber).update();
  }

  public Optional<CaseRecord> find(String caseNumber) {
    return jdbc.sql(CaseRecord.SELECT + " where case_number = ?").param(caseNumber).query(CaseRecord::map).optional();
  }

  /** Open cases, newest first, restricted by a where clause built by the caller from fixed fragments. */
  public List<CaseRecord> open(String accessCondition, List<Object> params) {
    return jdbc.sql(CaseRecord.SELECT + " where closed_at is null and (" + accessCondition + ") order by opened_at desc")
        .params(params).query(CaseRecord::map).list();
  }

  /** The open cases a jeugdbeschermer holds, oldest first. */
  public List<String> openCasesOf(String jeugdbeschermer) {
    return jdbc.sql("select case_number from bv_case where jeugdbeschermer = ? and closed_at is null order by opened_at")
        .param(jeugdbeschermer).query(String.class).list();
  }

  public void close(String caseNumber, Date closedAt, String reason) {
    jdbc.sql("update bv_case set closed_at = ?, closing_reason = ? where case_number = ?")
        .params(new Timestamp(closedAt.getTime()), reason, caseNumber).update();
  }

  public Optional<String> familyName(String caseNumber) {
    return jdbc.sql("select family_name from bv_case where case_number = ?").param(caseNumber)
        .query(String.class).optional();
  }

  public Optional<String> reentryOf(String caseNumber) {
    return jdbc.sql("select reentry_of from bv_case where case_number = ?").param(caseNumber)
        .query(String.class).optional();
  }

  public List<Child> children(String caseNumber) {
    return jdbc.sql("select first_name, last_name, birth_date, bsn, gender from bv_child where case_number = ? order by id")
        .param(caseNumber)
        .query((rs, row) -> new Child(rs.getString(1), rs.getString(2),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5)))
        .list();
  }

}

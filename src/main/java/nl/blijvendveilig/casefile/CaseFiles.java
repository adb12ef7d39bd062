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

  public void open(String caseNumber, String familyName, String city, Date openedAt, String processInstanceId,
      boolean acute, List<Child> children) {
    jdbc.sql("""
        insert into bv_case (case_number, family_name, city, opened_at, process_instance_id, acute)
        values (?, ?, ?, ?, ?, ?)""")
        .params(caseNumber, familyName, city, new Timestamp(openedAt.getTime()), processInstanceId, acute)
        .update();
    for (Child child : children) {
      jdbc.sql("insert into bv_child (case_number, first_name, last_name, birth_date, bsn) values (?, ?, ?, ?, ?)")
          .params(caseNumber, child.firstName(), child.lastName(), child.birthDate(), child.bsn())
          .update();
    }
  }

  public Optional<String> familyName(String caseNumber) {
    return jdbc.sql("select family_name from bv_case where case_number = ?").param(caseNumber)
        .query(String.class).optional();
  }

  public List<Child> children(String caseNumber) {
    return jdbc.sql("select first_name, last_name, birth_date, bsn from bv_child where case_number = ? order by id")
        .param(caseNumber)
        .query((rs, row) -> new Child(rs.getString(1), rs.getString(2),
            rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), rs.getString(4)))
        .list();
  }
}

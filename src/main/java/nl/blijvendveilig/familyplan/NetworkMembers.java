package nl.blijvendveilig.familyplan;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The family's network as of each revision: members, relation, role, and whose vertrouwenspersoon. */
@Repository
public class NetworkMembers {

  public record Member(String name, String relation, String role, String trustedPersonFor) {
  }

  private final JdbcClient jdbc;

  public NetworkMembers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String caseNumber, int revision, List<Member> members) {
    for (Member member : members) {
      jdbc.sql("""
          insert into bv_network_member (case_number, name, relation, role, trusted_person_for, revision)
          values (?, ?, ?, ?, ?, ?)""")
          .params(caseNumber, member.name(), member.relation(), member.role(), member.trustedPersonFor(), revision)
          .update();
    }
  }

  /** The members as last recorded. */
  public List<Member> current(String caseNumber) {
    return jdbc.sql("""
        select name, relation, role, trusted_person_for from bv_network_member
        where case_number = ? and revision = (select max(revision) from bv_network_member where case_number = ?)
        order by id""")
        .params(caseNumber, caseNumber)
        .query((rs, row) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }
}

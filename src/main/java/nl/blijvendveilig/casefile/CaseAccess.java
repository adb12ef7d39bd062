package nl.blijvendveilig.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may see which case, in one place. Teamleider, gedragswetenschapper, jurist and beheerder see
 * every case; a jeugdbeschermer the cases assigned to them; the intake team the cases it still
 * directs; the jeugdteam the cases it directs (voluntary route) or received at the handover.
 */
@Component
public class CaseAccess {

  static final Set<String> SEE_ALL = Set.of("camunda-admin", "teamleider", "gedragswetenschapper", "jurist");

  public record Caller(String userId, List<String> groups) {
  }

  public boolean maySee(Caller caller, CaseRecord record) {
    if (caller.groups().stream().anyMatch(SEE_ALL::contains)) {
      return true;
    }
    if (caller.groups().contains("jeugdbeschermer") && caller.userId().equals(record.jeugdbeschermer())) {
      return true;
    }
    if (caller.groups().contains("intake") && "intake".equals(record.directedBy())) {
      return true;
    }
    return caller.groups().contains("jeugdteam") && ("jeugdteam".equals(record.directedBy()) || record.isClosed());
  }

  /** The same rule as SQL for lists: fixed fragments, the caller's id as a parameter. */
  public String condition(Caller caller, List<Object> params) {
    if (caller.groups().stream().anyMatch(SEE_ALL::contains)) {
      return "1 = 1";
    }
    List<String> any = new ArrayList<>();
    if (caller.groups().contains("jeugdbeschermer")) {
      any.add("jeugdbeschermer = ?");
      params.add(caller.userId());
    }
    if (caller.groups().contains("intake")) {
      any.add("directed_by = 'intake'");
    }
    if (caller.groups().contains("jeugdteam")) {
      any.add("directed_by = 'jeugdteam'");
    }
    return any.isEmpty() ? "1 = 0" : String.join(" or ", any);
  }
}

package nl.blijvendveilig.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.blijvendveilig.platform.CaseAccessLog;
import nl.blijvendveilig.platform.CaseAccessReport;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Writes what a request did with case data to the access log (NEN 7513): one entry per case that the
 * engine read (LEZEN, POST queries included) or changed (WIJZIGEN) for the user, the case being the
 * root business key of the data itself, never a parameter of the request; one entry without case when
 * the request touched no case; and a refusal ("geweigerd: ...") per case the engine refused, or
 * without case when the refused resource was no process instance or task, or the login failed.
 * Calls to the project's own API log themselves (with the case they were asked for); here they get
 * an entry for each further case their answer carries or the engine changed, and for a refusal they
 * did not log.
 */
@Component
public class EngineAccessAudit implements CaseAccessLog {

  static final String UNKNOWN_USER = "onbekend";

  private final AuditLog audit;

  public EngineAccessAudit(@Lazy AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void requestEnded(CaseAccessReport request) {
    List<AuditLog.NewEntry> entries = new ArrayList<>();
    String channel = request.channel();
    boolean api = "api".equals(channel);
    if (request.refused() && !(api && request.loggedAny())) {
      String user = request.userId() != null ? request.userId() : UNKNOWN_USER;
      String what = request.userId() != null ? "geweigerd: " + request.what()
          : "geweigerd, niet ingelogd" + (request.claimedUser() == null ? "" : " (als " + request.claimedUser() + ")")
              + ": " + request.what();
      AuditLog.Action action = request.refusedRead() ? AuditLog.Action.LEZEN : AuditLog.Action.WIJZIGEN;
      if (request.refusedCases().isEmpty()) {
        entries.add(new AuditLog.NewEntry(user, null, action, what, channel));
      }
      for (String caseNumber : sorted(request.refusedCases())) {
        entries.add(new AuditLog.NewEntry(user, caseNumber, action, what, channel));
      }
    }
    if (request.userId() != null) {
      if (api) {
        // reads: the cases in the answer (the engine's reads behind a dashboard's figures are no read of each case)
        for (String caseNumber : sorted(request.returnedCases())) {
          if (!request.loggedCases().contains(caseNumber)) {
            entries.add(new AuditLog.NewEntry(request.userId(), caseNumber, AuditLog.Action.LEZEN, request.what(), channel));
          }
        }
        // changes: every case the engine changed
        for (String caseNumber : sorted(request.cases().keySet())) {
          if (request.cases().get(caseNumber) && !request.loggedCases().contains(caseNumber)) {
            entries.add(new AuditLog.NewEntry(request.userId(), caseNumber, AuditLog.Action.WIJZIGEN, request.what(),
                channel));
          }
        }
      } else {
        Map<String, Boolean> cases = request.cases();
        for (String caseNumber : sorted(cases.keySet())) {
          entries.add(new AuditLog.NewEntry(request.userId(), caseNumber,
              cases.get(caseNumber) ? AuditLog.Action.WIJZIGEN : AuditLog.Action.LEZEN, request.what(), channel));
        }
        if (cases.isEmpty() && !request.refused()) {
          entries.add(new AuditLog.NewEntry(request.userId(), null,
              request.changedWithoutCase() ? AuditLog.Action.WIJZIGEN : AuditLog.Action.LEZEN, request.what(), channel));
        }
      }
    }
    audit.recordAll(entries);
  }

  private static List<String> sorted(Set<String> cases) {
    return cases.stream().sorted().toList();
  }
}

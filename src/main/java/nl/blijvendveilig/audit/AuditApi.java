package nl.blijvendveilig.audit;

import java.util.List;
import java.util.Map;
import nl.blijvendveilig.platform.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log for the beheerder: {@code GET /api/audit?caseNumber=...&user=...}, newest first. */
@RestController
@RequestMapping("/api/audit")
public class AuditApi {

  private final AuditLog audit;
  private final IdentityService identity;

  public AuditApi(AuditLog audit, IdentityService identity) {
    this.audit = audit;
    this.identity = identity;
  }

  @GetMapping
  public ResponseEntity<?> entries(@RequestParam(required = false) String caseNumber,
      @RequestParam(required = false) String user, @RequestParam(defaultValue = "500") int limit) {
    CurrentUser caller = CurrentUser.of(identity);
    if (caller == null || !caller.inGroup("camunda-admin")) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(Map.of("status", 403, "message", "Alleen de beheerder mag het toegangslogboek inzien"));
    }
    List<AuditLog.Entry> entries = audit.find(caseNumber, user, Math.min(Math.max(limit, 1), 1000));
    // the case of what was read: the log of that case, when it has entries (a name alone reads nothing)
    audit.record(caller.userId(), caseNumber == null || entries.isEmpty() ? null : entries.get(0).caseNumber(),
        AuditLog.Action.LEZEN, "toegangslogboek", "api");
    return ResponseEntity.ok(entries);
  }
}

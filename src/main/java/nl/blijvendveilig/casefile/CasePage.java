package nl.blijvendveilig.casefile;

import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.security.Pages;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The case page {@code /cases/{caseNumber}}, linked from every task form: the same login as Tasklist
 * and the same per-case access as the case API. Without a login it shows a login form (401); an
 * unknown case and one the caller may not see both answer 404 with the same page.
 */
@Controller
public class CasePage {

  private final CaseFiles caseFiles;
  private final CaseAccess access;
  private final IdentityService identity;
  private final AuditLog audit;

  public CasePage(CaseFiles caseFiles, CaseAccess access, IdentityService identity, AuditLog audit) {
    this.caseFiles = caseFiles;
    this.access = access;
    this.identity = identity;
    this.audit = audit;
  }

  @GetMapping("/cases/{caseNumber}")
  public ResponseEntity<String> page(@PathVariable String caseNumber) {
    CurrentUser caller = CurrentUser.of(identity);
    if (caller == null) {
      return Pages.page("case", HttpStatus.UNAUTHORIZED);
    }
    var record = caseFiles.find(caseNumber);
    if (record.isEmpty()) {
      return Pages.page("case", HttpStatus.NOT_FOUND);
    }
    CaseAccess.Caller who = new CaseAccess.Caller(caller.userId(), caller.groupIds());
    if (!access.maySee(who, record.get())) {
      audit.record(caller.userId(), caseNumber, AuditLog.Action.LEZEN, "geweigerd: zaakpagina", "pagina");
      return Pages.page("case", HttpStatus.NOT_FOUND);
    }
    return Pages.page("case", HttpStatus.OK);
  }
}

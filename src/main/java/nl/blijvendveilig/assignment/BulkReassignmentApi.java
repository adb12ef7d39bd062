package nl.blijvendveilig.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.casefile.CaseFiles;
import nl.blijvendveilig.casefile.CaseRecord;
import nl.blijvendveilig.formdata.FieldErrors;
import nl.blijvendveilig.formdata.RejectedInput;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.security.ApiErrors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk reassignment by the teamleider (leave, departure): {@code POST /api/cases/reassignment} with
 * {@code {"van": "jan", "naar": "joke"}} moves every open case of one jeugdbeschermer, or only the
 * cases listed in {@code "zaken"}. Each case goes through the case process's own change of
 * jeugdbeschermer (message {@code JeugdbeschermerWijzigen}), one transaction per case, so its open
 * tasks move along and the teamleider's engine authorizations apply.
 */
@RestController
public class BulkReassignmentApi {

  private static final Logger LOG = LoggerFactory.getLogger(BulkReassignmentApi.class);

  public record Request(String van, String naar, List<String> zaken) {
  }

  public record Moved(String zaak) {
  }

  public record Skipped(String zaak, String reden) {
  }

  public record Result(String van, String naar, List<Moved> overgedragen, List<Skipped> overgeslagen) {
  }

  private final CaseFiles caseFiles;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final AuditLog audit;

  public BulkReassignmentApi(CaseFiles caseFiles, RuntimeService runtime,
      IdentityService identity, AuditLog audit) {
    this.caseFiles = caseFiles;
    this.runtime = runtime;
    this.identity = identity;
    this.audit = audit;
  }

  /** Who is a jeugdbeschermer is looked up for the process, not limited by what the teamleider may read. */
  private boolean isJeugdbeschermer(String user) {
    return CurrentUser.withoutAuthentication(identity,
        () -> identity.createUserQuery().userId(user).memberOfGroup(AssignmentRules.GROUP).count() > 0);
  }

  @PostMapping(path = "/api/cases/reassignment", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> reassign(@RequestBody Request request) {
    CurrentUser caller = CurrentUser.of(identity);
    if (!caller.inGroup("teamleider")) {
      return ApiErrors.error(HttpStatus.FORBIDDEN, "Alleen de teamleider draagt zaken over");
    }
    FieldErrors errors = new FieldErrors();
    if (request.van() == null || request.van().isBlank()) {
      errors.reject("van", "Geef de jeugdbeschermer van wie de zaken komen");
    }
    if (request.naar() == null || request.naar().isBlank()) {
      errors.reject("naar", "Geef de jeugdbeschermer die de zaken krijgt");
    } else if (!isJeugdbeschermer(request.naar())) {
      errors.reject("naar", "'" + request.naar() + "' is geen jeugdbeschermer");
    }
    if (request.van() != null && request.van().equals(request.naar())) {
      errors.reject("naar", "Kies een andere jeugdbeschermer dan '" + request.van() + "'");
    }
    try {
      errors.throwIfAny();
    } catch (RejectedInput rejected) {
      return ResponseEntity.badRequest().body(Map.of("status", 400, "message", rejected.getMessage(),
          "fields", rejected.errors()));
    }

    List<String> openCases = caseFiles.openCasesOf(request.van());
    List<String> wanted = request.zaken() == null || request.zaken().isEmpty() ? openCases : request.zaken();
    List<Moved> moved = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (String caseNumber : wanted) {
      if (!openCases.contains(caseNumber)) {
        skipped.add(new Skipped(caseNumber, caseFiles.find(caseNumber).map(CaseRecord::isClosed).orElse(false)
            ? "zaak is afgesloten" : "geen open zaak van " + request.van()));
        continue;
      }
      try {
        runtime.createMessageCorrelation("JeugdbeschermerWijzigen").processInstanceBusinessKey(caseNumber)
            .setVariable("nieuweJeugdbeschermer", request.naar()).correlate();
        moved.add(new Moved(caseNumber));
        audit.record(caller.userId(), caseNumber, AuditLog.Action.WIJZIGEN,
            "zaak overgedragen van " + request.van() + " naar " + request.naar(), "api");
      } catch (ProcessEngineException e) {
        LOG.warn("Case {} not moved to another jeugdbeschermer: {}", caseNumber, e.getMessage());
        skipped.add(new Skipped(caseNumber, "niet overgedragen: " + e.getMessage()));
      }
    }
    LOG.info("Teamleider moved {} cases to another jeugdbeschermer, {} skipped", moved.size(), skipped.size());
    return ResponseEntity.ok(new Result(request.van(), request.naar(), moved, skipped));
  }
}

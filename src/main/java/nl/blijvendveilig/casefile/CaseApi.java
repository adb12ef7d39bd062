package nl.blijvendveilig.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.familyplan.HandoverDocument;
import nl.blijvendveilig.familyplan.PlanRevisions;
import nl.blijvendveilig.familyplan.Revision;
import nl.blijvendveilig.familyplan.SafetyScore;
import nl.blijvendveilig.familyplan.SafetyScores;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.platform.EngineClock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case API: JSON about a family's case, its gezinsplan and its safety scores, and the handover
 * document. Authenticated like {@code /engine-rest} (HTTP basic against the engine's users) or by the
 * webapps' login; a caller sees only the cases {@link CaseAccess} allows. A case they may not see
 * answers exactly as a case that does not exist (404, the same body), so that nobody learns which
 * case numbers exist; the refusal is in the access log.
 */
@RestController
@RequestMapping("/api/cases")
public class CaseApi {

  public record CaseSummary(String caseNumber, String familyName, String city, Instant openedAt, String jeugdbeschermer,
      String directedBy) {
  }

  public record CaseDetails(String caseNumber, String familyName, String city, Instant openedAt, List<Child> children,
      String phase, String measure, Object measureEnd, String jeugdbeschermer, String directedBy, boolean reentry,
      Instant closedAt, String closingReason, List<CaseTimeline.Deadline> openDeadlines) {
  }

  public record RevisionSummary(int revision, Instant createdAt, String author, String reason, String causedBy) {
  }

  /** Unknown or not the caller's: one answer, without the case number, so both read the same. */
  static final String NOT_VISIBLE = "Deze zaak bestaat niet of je hebt er geen toegang toe";

  /**
   * The handover document is the case's content as HTML: its own inline style, nothing that runs,
   * loads or submits anything.
   */
  static final String HANDOVER_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
      + "img-src data:; script-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

  static final class CaseNotVisible extends RuntimeException {
    CaseNotVisible() {
      super(NOT_VISIBLE, null, false, false);
    }
  }

  private final CaseFiles caseFiles;
  private final CaseAccess access;
  private final PlanRevisions revisions;
  private final SafetyScores scores;
  private final HandoverDocument handover;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final CasePhases phases;
  private final CaseTimeline timeline;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  public CaseApi(CaseFiles caseFiles, CaseAccess access, PlanRevisions revisions, SafetyScores scores,
      HandoverDocument handover, IdentityService identity, RuntimeService runtime, CasePhases phases,
      CaseTimeline timeline, JdbcClient jdbc, AuditLog audit) {
    this.audit = audit;
    this.caseFiles = caseFiles;
    this.access = access;
    this.revisions = revisions;
    this.scores = scores;
    this.handover = handover;
    this.identity = identity;
    this.runtime = runtime;
    this.phases = phases;
    this.timeline = timeline;
    this.jdbc = jdbc;
  }

  /** The open cases the caller may see; {@code ?jeugdbeschermer=jan} only those that person holds. */
  @GetMapping
  public List<CaseSummary> openCases(@RequestParam(required = false) String jeugdbeschermer) {
    List<Object> params = new ArrayList<>();
    CaseAccess.Caller caller = caller();
    String condition = access.condition(caller, params);
    if (jeugdbeschermer != null) {
      condition = "(" + condition + ") and jeugdbeschermer = ?";
      params.add(jeugdbeschermer);
    }
    audit.record(caller.userId(), null, AuditLog.Action.LEZEN, "GET /api/cases", "api");
    return caseFiles.open(condition, params).stream()
        .map(c -> new CaseSummary(c.caseNumber(), c.familyName(), c.city(), c.openedAt(), c.jeugdbeschermer(),
            c.directedBy()))
        .toList();
  }

  @GetMapping("/{caseNumber}")
  public CaseDetails details(@PathVariable String caseNumber) {
    CaseRecord record = visible(caseNumber);
    return asProcess(() -> {
      String phase = record.isClosed() ? CasePhases.CLOSED : phases.of(caseNumber);
      ProcessInstance root = running(caseNumber, "jeugdbeschermingszaak");
      ProcessInstance watch = running(caseNumber, "maatregel-bewaken");
      Object measure = root == null ? null : runtime.getVariable(root.getId(), "maatregelType");
      Object measureEnd = asDay(watch != null ? runtime.getVariable(watch.getId(), "maatregelEinde")
          : root == null ? null : runtime.getVariable(root.getId(), "maatregelEinde"));
      return new CaseDetails(record.caseNumber(), record.familyName(), record.city(), record.openedAt(),
          caseFiles.children(caseNumber), phase, measure == null ? null : measure.toString(), measureEnd,
          record.jeugdbeschermer(), record.directedBy(), record.reentryOf() != null, record.closedAt(),
          record.closingReason(), timeline.openDeadlines(caseNumber, EngineClock.now()));
    });
  }

  /** What happened, from the engine's history and the plan's revisions, oldest first. */
  @GetMapping("/{caseNumber}/timeline")
  public List<CaseTimeline.Event> timeline(@PathVariable String caseNumber) {
    visible(caseNumber);
    return asProcess(() -> timeline.events(caseNumber));
  }

  /** An end date is a day in the Netherlands, whether the process holds it as a date or as text. */
  static Object asDay(Object value) {
    return value instanceof Date date ? date.toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam")).toLocalDate()
        : value;
  }

  private ProcessInstance running(String caseNumber, String processKey) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey(processKey)
        .active().listPage(0, 1).stream().findFirst().orElse(null);
  }

  @GetMapping("/{caseNumber}/plan")
  public Revision plan(@PathVariable String caseNumber) {
    visible(caseNumber);
    return revisions.latest(caseNumber).orElseThrow(CaseNotVisible::new);
  }

  @GetMapping("/{caseNumber}/plan/revisions")
  public List<RevisionSummary> planRevisions(@PathVariable String caseNumber) {
    visible(caseNumber);
    return revisions.all(caseNumber).stream()
        .map(r -> new RevisionSummary(r.number(), r.createdAt(), r.author(), r.reason(), r.causedBy()))
        .toList();
  }

  @GetMapping("/{caseNumber}/plan/revisions/{revision}")
  public ResponseEntity<?> planRevision(@PathVariable String caseNumber, @PathVariable int revision) {
    visible(caseNumber);
    return revisions.get(caseNumber, revision).<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Zaak " + caseNumber + " heeft geen revisie " + revision));
  }

  @GetMapping("/{caseNumber}/safety-scores")
  public List<SafetyScore> safetyScores(@PathVariable String caseNumber) {
    visible(caseNumber);
    return scores.series(caseNumber);
  }

  @GetMapping("/{caseNumber}/handover")
  public ResponseEntity<?> handover(@PathVariable String caseNumber,
      @RequestHeader(value = "Accept", defaultValue = "text/html") String accept) {
    visible(caseNumber);
    String html = jdbc.sql("select html from bv_handover where case_number = ?").param(caseNumber)
        .query(String.class).optional()
        .orElseGet(() -> handover.html(caseNumber));
    if (accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
          .header("Content-Disposition", "inline; filename=\"overdracht-" + caseNumber + ".pdf\"")
          .header("Content-Security-Policy", HANDOVER_CONTENT_SECURITY_POLICY)
          .body(handover.pdf(html));
    }
    return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .header("Content-Security-Policy", HANDOVER_CONTENT_SECURITY_POLICY)
        .body(html);
  }

  /** The handover document as PDF, for a plain link. */
  @GetMapping("/{caseNumber}/handover.pdf")
  public ResponseEntity<?> handoverPdf(@PathVariable String caseNumber) {
    return handover(caseNumber, MediaType.APPLICATION_PDF_VALUE);
  }

  @ExceptionHandler(CaseNotVisible.class)
  ResponseEntity<Map<String, Object>> notVisible(CaseNotVisible e) {
    return error(HttpStatus.NOT_FOUND, NOT_VISIBLE);
  }

  private CaseRecord visible(String caseNumber) {
    CaseRecord record = caseFiles.find(caseNumber).orElseThrow(CaseNotVisible::new);
    CaseAccess.Caller caller = caller();
    if (!access.maySee(caller, record)) {
      audit.record(caller.userId(), caseNumber, AuditLog.Action.LEZEN, "geweigerd: " + request(), "api");
      throw new CaseNotVisible();
    }
    audit.record(caller.userId(), caseNumber, AuditLog.Action.LEZEN, request(), "api");
    return record;
  }

  private static String request() {
    var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
        org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    return attributes == null ? "" : "GET " + attributes.getRequest().getRequestURI();
  }

  private CaseAccess.Caller caller() {
    CurrentUser authentication = CurrentUser.of(identity);
    if (authentication == null) {
      throw new CaseNotVisible();
    }
    return new CaseAccess.Caller(authentication.userId(), authentication.groupIds());
  }

  /** Engine look-ups for a case the caller may see, not limited by the caller's engine authorizations. */
  private <T> T asProcess(Supplier<T> work) {
    return CurrentUser.withoutAuthentication(identity, work);
  }

  private static <T> ResponseEntity<T> error(HttpStatus status, String message) {
    @SuppressWarnings("unchecked")
    T body = (T) Map.of("status", status.value(), "message", message);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}

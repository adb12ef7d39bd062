package nl.blijvendveilig.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.security.Pages;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPI dashboard for the teamleider and the beheerder: the page {@code /dashboard}, its figures as
 * JSON ({@code /api/dashboard}), each table as CSV ({@code /api/dashboard/{table}.csv}), and the
 * measures per child in the shape of the CBS delivery ({@code /api/dashboard/cbs/...}).
 */
@RestController
public class DashboardApi {

  static final List<String> MAY_SEE = List.of("teamleider", "camunda-admin");

  private final Kpis kpis;
  private final CbsExport cbs;
  private final IdentityService identity;
  private final AuditLog audit;

  public DashboardApi(Kpis kpis, CbsExport cbs, IdentityService identity, AuditLog audit) {
    this.kpis = kpis;
    this.cbs = cbs;
    this.identity = identity;
    this.audit = audit;
  }

  @GetMapping("/dashboard")
  public ResponseEntity<String> page() {
    CurrentUser caller = CurrentUser.of(identity);
    if (caller == null) {
      return Pages.page("dashboard", HttpStatus.UNAUTHORIZED);
    }
    return Pages.page("dashboard", maySee(caller) ? HttpStatus.OK : HttpStatus.FORBIDDEN);
  }

  @GetMapping("/api/dashboard")
  public ResponseEntity<?> dashboard() {
    return allowed("GET /api/dashboard", () -> ResponseEntity.ok(kpis.dashboard()));
  }

  @GetMapping("/api/dashboard/{table}.csv")
  public ResponseEntity<?> csv(@PathVariable String table) {
    return allowed("GET /api/dashboard/" + table + ".csv", () -> {
      Table found = kpis.dashboard().tables().stream().filter(t -> t.id().equals(table)).findFirst().orElse(null);
      if (found == null) {
        return error(HttpStatus.NOT_FOUND, "Het dashboard heeft geen tabel '" + table + "'");
      }
      return csv(table + ".csv", found.csv());
    });
  }

  /** Measures per child that ran on some day of the period, one file per CBS delivery. */
  @GetMapping("/api/dashboard/cbs/{delivery}.csv")
  public ResponseEntity<?> cbs(@PathVariable String delivery,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate van,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tot) {
    return allowed("GET /api/dashboard/cbs/" + delivery + ".csv?van=" + van + "&tot=" + tot, () -> {
      if (tot.isBefore(van)) {
        return error(HttpStatus.BAD_REQUEST, "'tot' ligt voor 'van'");
      }
      return cbs.delivery(delivery)
          .<ResponseEntity<?>>map(d -> csv("cbs-" + delivery + "-" + van + "-" + tot + ".csv", cbs.csv(d, van, tot)))
          .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Onbekende levering '" + delivery + "'; kies uit "
              + String.join(", ", CbsExport.DELIVERIES.keySet())));
    });
  }

  private ResponseEntity<?> allowed(String what, java.util.function.Supplier<ResponseEntity<?>> work) {
    CurrentUser caller = CurrentUser.of(identity);
    if (!maySee(caller)) {
      return error(HttpStatus.FORBIDDEN, "Alleen de teamleider en de beheerder zien het dashboard");
    }
    audit.record(caller.userId(), null, AuditLog.Action.LEZEN, what, "api");
    return work.get();
  }

  static boolean maySee(CurrentUser caller) {
    return caller != null && caller.groupIds().stream().anyMatch(MAY_SEE::contains);
  }

  private static ResponseEntity<?> csv(String fileName, String body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .body(body);
  }

  static ResponseEntity<?> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status.value(), "message", message));
  }
}

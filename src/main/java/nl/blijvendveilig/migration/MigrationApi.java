package nl.blijvendveilig.migration;

import java.util.List;
import java.util.Map;
import nl.blijvendveilig.audit.AuditLog;
import nl.blijvendveilig.platform.CurrentUser;
import nl.blijvendveilig.security.ApiErrors;
import nl.blijvendveilig.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/migration} for the procesontwerper: {@code {"dryRun": true}} lists, per older model
 * version with running cases, how many can move to the latest version and which cannot (and why);
 * {@code {"dryRun": false}} starts the migration batches. {@code "processDefinitionKey"} limits it to
 * one model.
 */
@RestController
public class MigrationApi {

  public record Request(Boolean dryRun, String processDefinitionKey) {
  }

  public record Answer(boolean dryRun, List<ProcessMigration.Source> versions) {
  }

  private final ProcessMigration migration;
  private final IdentityService identity;
  private final AuditLog audit;

  public MigrationApi(ProcessMigration migration, IdentityService identity, AuditLog audit) {
    this.migration = migration;
    this.identity = identity;
    this.audit = audit;
  }

  @PostMapping(path = "/api/migration", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> migrate(@RequestBody Request request) {
    CurrentUser caller = CurrentUser.of(identity);
    if (!caller.inGroup(Role.PROCESONTWERPER.groupId())) {
      return ApiErrors.error(HttpStatus.FORBIDDEN, "Alleen de procesontwerper migreert lopende zaken");
    }
    if (request.dryRun() == null) {
      return ApiErrors.error(HttpStatus.BAD_REQUEST, "Geef \"dryRun\": true (alleen nagaan) of false (migreren)");
    }
    List<ProcessMigration.Source> versions = migration.migrateToLatest(blankToNull(request.processDefinitionKey()),
        request.dryRun());
    audit.record(caller.userId(), null, request.dryRun() ? AuditLog.Action.LEZEN : AuditLog.Action.WIJZIGEN,
        (request.dryRun() ? "migratie nagaan" : "migratie gestart") + " " + Map.of("versies", versions.size()), "api");
    return ResponseEntity.ok(new Answer(request.dryRun(), versions));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}

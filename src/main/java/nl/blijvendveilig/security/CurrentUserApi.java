package nl.blijvendveilig.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is logged in and in which groups, for the pages' header and menus. */
@RestController
public class CurrentUserApi {

  private final IdentityService identity;

  public CurrentUserApi(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/api/me")
  public Map<String, Object> me() {
    Authentication caller = identity.getCurrentAuthentication();
    return Map.of("userId", caller.getUserId(), "groups", caller.getGroupIds() == null ? List.of() : caller.getGroupIds());
  }
}

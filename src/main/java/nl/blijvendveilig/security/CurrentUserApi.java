package nl.blijvendveilig.security;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who is logged in and in which groups, for the pages' header and menus. */
@RestController
public class CurrentUserApi {

  @GetMapping("/api/me")
  public Map<String, Object> me(Authentication caller) {
    CamundaUser user = (CamundaUser) caller;
    return Map.of("userId", user.userId(), "groups", user.groupIds());
  }
}

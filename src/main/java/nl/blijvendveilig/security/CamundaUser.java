package nl.blijvendveilig.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller of the project's endpoints as the engine knows them: a Camunda user with their Camunda
 * groups as authorities (a role is a group, {@link Role}) and their tenants.
 */
final class CamundaUser extends AbstractAuthenticationToken {

  private final String userId;
  private final List<String> groupIds;
  private final List<String> tenantIds;

  CamundaUser(String userId, List<String> groupIds, List<String> tenantIds) {
    super(groupIds.stream().map(SimpleGrantedAuthority::new).toList());
    this.userId = userId;
    this.groupIds = List.copyOf(groupIds);
    this.tenantIds = List.copyOf(tenantIds);
    setAuthenticated(true);
  }

  String userId() {
    return userId;
  }

  List<String> groupIds() {
    return groupIds;
  }

  List<String> tenantIds() {
    return tenantIds;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public Object getPrincipal() {
    return userId;
  }
}

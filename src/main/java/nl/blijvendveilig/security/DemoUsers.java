package nl.blijvendveilig.security;

import java.util.List;
import nl.blijvendveilig.platform.EngineReady;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: the groups of every role and one person per role (two jeugdbeschermers, so
 * that "not my case" can be seen), all with password {@code demo}. The beheerder comes from
 * {@code camunda.bpm.admin-user} in application-demo.yaml.
 */
@Component
@Profile("demo")
public class DemoUsers implements EngineReady {

  public static final String PASSWORD = "demo";

  public record DemoUser(String id, String firstName, String lastName, Role role) {
  }

  public static final List<DemoUser> USERS = List.of(
      new DemoUser("ingrid", "Ingrid", "Aanmelder", Role.INTAKE),
      new DemoUser("jan", "Jan", "de Beschermer", Role.JEUGDBESCHERMER),
      new DemoUser("joke", "Joke", "Jansen", Role.JEUGDBESCHERMER),
      new DemoUser("tessa", "Tessa", "Teamleider", Role.TEAMLEIDER),
      new DemoUser("gerard", "Gerard", "Gedrag", Role.GEDRAGSWETENSCHAPPER),
      new DemoUser("julia", "Julia", "Jurist", Role.JURIST),
      new DemoUser("lotte", "Lotte", "Lokaal", Role.JEUGDTEAM),
      new DemoUser("pieter", "Pieter", "Procesontwerper", Role.PROCESONTWERPER));

  @Override
  public void engineReady(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    for (Role role : Role.values()) {
      if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
        Group group = identity.newGroup(role.groupId());
        group.setName(role.displayName());
        group.setType(role == Role.BEHEERDER ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
    }
    for (DemoUser demo : USERS) {
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.blijvendveilig.nl");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(demo.id(), demo.role().groupId());
      }
    }
  }
}

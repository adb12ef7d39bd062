package nl.blijvendveilig.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * The people of the benchmark. In the demo profile the demo users complete the steps of their role and
 * are the ones whose Tasklist is measured (jan, ingrid); in the {@code postgres} profile bench users
 * take their place. The caseload is spread over many jeugdbeschermers ({@code benchjb0001}, ...; ids are letters and digits only, as Camunda requires),
 * each with a caseload of their own, as in a real GI.
 */
final class Workers {

  // Camunda's password policy outside the demo: no part of the user's name in it (first name "Bench")
  static final String BENCH_PASSWORD = "Meetlat-2026-Passw0rd!";
  static final String DRAIN_USER = "benchdrain";

  record Worker(String id, List<String> groups) {
  }

  final boolean demo;
  final Worker intake;
  final Worker gedragswetenschapper;
  final Worker jurist;
  final Worker teamleider;
  final Worker jeugdteam;
  /** The jeugdbeschermer whose "my tasks" is measured. */
  final String measuredJeugdbeschermer;
  final String password;

  Workers(boolean demo) {
    this.demo = demo;
    this.intake = new Worker(demo ? "ingrid" : "benchintake", List.of("intake"));
    this.gedragswetenschapper = new Worker(demo ? "gerard" : "benchgedrag", List.of("gedragswetenschapper"));
    this.jurist = new Worker(demo ? "julia" : "benchjurist", List.of("jurist"));
    this.teamleider = new Worker(demo ? "tessa" : "benchteamleider", List.of("teamleider"));
    this.jeugdteam = new Worker(demo ? "lotte" : "benchjeugdteam", List.of("jeugdteam"));
    this.measuredJeugdbeschermer = demo ? "jan" : "benchjb0000";
    this.password = demo ? "demo" : BENCH_PASSWORD;
  }

  Worker of(CaseScript.Who who, String jeugdbeschermer) {
    return switch (who) {
      case INTAKE -> intake;
      case GEDRAGSWETENSCHAPPER -> gedragswetenschapper;
      case JURIST -> jurist;
      case TEAMLEIDER -> teamleider;
      case JEUGDTEAM -> jeugdteam;
      case JEUGDBESCHERMER -> new Worker(jeugdbeschermer, List.of("jeugdbeschermer"));
    };
  }

  static String jeugdbeschermer(int n) {
    return "benchjb%04d".formatted(n);
  }

  /** Creates the bench jeugdbeschermers 1..count (and, outside the demo, the measured users); returns how long it took. */
  double ensureUsers(IdentityService identity, int count, int threads) throws Exception {
    long start = System.nanoTime();
    List<String[]> wanted = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      wanted.add(new String[] {jeugdbeschermer(n), "jeugdbeschermer"});
    }
    if (!demo) {
      wanted.add(new String[] {measuredJeugdbeschermer, "jeugdbeschermer"});
      wanted.add(new String[] {intake.id(), "intake"});
    }
    // outside the demo the beheerder creates the groups; on a benchmark database of its own, the benchmark does
    for (String group : wanted.stream().map(user -> user[1]).distinct().toList()) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        Group created = identity.newGroup(group);
        created.setName(group);
        created.setType("WORKFLOW");
        identity.saveGroup(created);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String[] user : wanted) {
        done.add(pool.submit(() -> {
          if (identity.createUserQuery().userId(user[0]).count() == 0) {
            User created = identity.newUser(user[0]);
            created.setFirstName("Bench");
            created.setLastName(user[0]);
            created.setPassword(BENCH_PASSWORD);
            identity.saveUser(created);
            identity.createMembership(user[0], user[1]);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - start) / 1e9;
  }
}

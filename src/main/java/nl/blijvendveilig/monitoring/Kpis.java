package nl.blijvendveilig.monitoring;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.blijvendveilig.casefile.CasePhases;
import nl.blijvendveilig.deadlines.Deadlines;
import nl.blijvendveilig.measure.Measures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What team leads watch (PROCESS.md section 6), computed from the engine's history (Camunda's documented
 * history tables, read-only) and the project's own tables: caseload, deadlines kept, durations,
 * measures, placements, cases that need attention and re-entries. Every figure is a table, so the
 * dashboard shows it and exports it as CSV the same way.
 */
@Component
public class Kpis {

  /** Escalations to the teamleider: a missed deadline, stagnation (opschalen), acute unsafety. */
  static final Map<String, String> ESCALATIONS = Map.of(
      "Task_Escalate", "stagnatie (opschalen)",
      "Task_EscalateAssessment", "termijn veiligheidsbeoordeling",
      "Task_EscalateSecureChild", "termijn kind veiligstellen",
      "Task_EscalateHomeVisit", "termijn huisbezoek",
      "Task_EscalateSafetyEstimate", "termijn veiligheidsinschatting",
      "Task_EscalatePattern", "termijn patroonanalyse",
      "Task_EscalateRaadStart", "termijn start Raad",
      "Task_EscalateExtensionRequest", "termijn verlengingsverzoek",
      "Task_InformTeamleiderAcute", "acute onveiligheid");

  /** The deadlines PROCESS.md asks to keep, by the task that keeps them (its due date is the deadline). */
  static final Map<String, String> DEADLINES = deadlines();

  private static Map<String, String> deadlines() {
    Map<String, String> deadlines = new LinkedHashMap<>();
    deadlines.put("Task_CosignAssessment", "Veiligheidsbeoordeling binnen 5 werkdagen");
    deadlines.put("Task_HomeVisit", "Huisbezoek binnen 7 dagen");
    return java.util.Collections.unmodifiableMap(deadlines);
  }

  static final List<String> OUT_OF_HOME = List.of("machtiging-uithuisplaatsing", "machtiging-gesloten-jeugdhulp");

  private final JdbcClient jdbc;
  private final CasePhases phases;
  private final Measures measures;
  private final Deadlines deadlines;
  private final int caseloadNorm;

  public Kpis(JdbcClient jdbc, CasePhases phases, Measures measures, Deadlines deadlines,
      @Value("${blijvendveilig.caseload.children-per-jeugdbeschermer:12}") int caseloadNorm) {
    this.jdbc = jdbc;
    this.phases = phases;
    this.measures = measures;
    this.deadlines = deadlines;
    this.caseloadNorm = caseloadNorm;
  }

  public record Figure(String id, String label, Object value, String unit) {
  }

  public record Dashboard(Instant at, List<Figure> figures, List<Table> tables) {
  }

  public Dashboard dashboard() {
    Instant now = deadlines.now().toInstant();
    Map<String, String> phaseOf = phases.ofRunningCases();
    List<OpenCase> open = openCases(phaseOf);
    List<Table> tables = new ArrayList<>();
    tables.add(casesPerPhase(open));
    tables.add(caseload(open));
    tables.add(phasePerWorker(open));
    List<DeadlineRow> kept = deadlineRows(now);
    tables.add(deadlinesKept(kept));
    tables.add(deadlinesMissed(kept));
    tables.add(durations());
    tables.add(measureTable());
    tables.add(placements());
    Table attention = attention(now);
    tables.add(attention);
    Table reentries = reentries(now);
    tables.add(reentries);

    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("openCases", "Open zaken", open.size(), "zaken"));
    figures.add(new Figure("children", "Kinderen in open zaken", open.stream().mapToInt(OpenCase::children).sum(), "kinderen"));
    DEADLINES.forEach((task, label) -> figures.add(new Figure(task, label, percentageKept(kept, task), "% gehaald")));
    figures.add(new Figure("stagnating", "Stagnerende zaken (opschalen open)", attention.rows().stream()
        .filter(row -> row.get(1).equals(ESCALATIONS.get("Task_Escalate"))).map(row -> row.get(0)).distinct().count(), "zaken"));
    figures.add(new Figure("escalated", "Zaken met een open escalatie", attention.rows().stream().map(row -> row.get(0))
        .distinct().count(), "zaken"));
    long opened = countOpenedWithin(now, 365);
    figures.add(new Figure("reentry", "Herhaalde meldingen (binnen 12 maanden na afsluiting)",
        opened == 0 ? 0 : Math.round(1000.0 * reentries.rows().size() / opened) / 10.0, "% van de nieuwe zaken"));
    return new Dashboard(now, figures, tables);
  }

  public Table table(String id) {
    return dashboard().tables().stream().filter(t -> t.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id));
  }

  record OpenCase(String caseNumber, String jeugdbeschermer, String phase, int children) {
  }

  private List<OpenCase> openCases(Map<String, String> phaseOf) {
    return jdbc.sql("""
        select c.case_number, c.jeugdbeschermer, (select count(*) from bv_child k where k.case_number = c.case_number)
        from bv_case c where c.closed_at is null order by c.case_number""")
        .query((rs, row) -> new OpenCase(rs.getString(1), rs.getString(2),
            phaseOf.getOrDefault(rs.getString(1), CasePhases.INTAKE), rs.getInt(3)))
        .list();
  }

  private Table casesPerPhase(List<OpenCase> open) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(CasePhases.INTAKE, 0);
    CasePhases.STAGES.values().forEach(phase -> counts.putIfAbsent(phase, 0));
    open.forEach(c -> counts.merge(c.phase(), 1, Integer::sum));
    List<List<Object>> rows = new ArrayList<>();
    counts.forEach((phase, count) -> rows.add(List.of(phase, count)));
    return new Table("fasen", "Open zaken per fase", List.of("Fase", "Zaken"), rows);
  }

  private Table caseload(List<OpenCase> open) {
    Map<String, int[]> perWorker = new TreeMap<>();
    open.stream().filter(c -> c.jeugdbeschermer() != null)
        .forEach(c -> {
          int[] load = perWorker.computeIfAbsent(c.jeugdbeschermer(), w -> new int[2]);
          load[0]++;
          load[1] += c.children();
        });
    List<List<Object>> rows = new ArrayList<>();
    perWorker.forEach((worker, load) -> rows.add(List.of(worker, load[0], load[1], caseloadNorm,
        Math.round(100.0 * load[1] / caseloadNorm))));
    return new Table("caseload", "Caseload per jeugdbeschermer (norm: " + caseloadNorm + " kinderen per fulltimer)",
        List.of("Jeugdbeschermer", "Zaken", "Kinderen", "Norm", "% van de norm"), rows);
  }

  private Table phasePerWorker(List<OpenCase> open) {
    List<String> phaseNames = new ArrayList<>(List.of(CasePhases.INTAKE));
    CasePhases.STAGES.values().stream().filter(p -> !phaseNames.contains(p)).forEach(phaseNames::add);
    Map<String, int[]> perWorker = new TreeMap<>();
    open.stream().filter(c -> c.jeugdbeschermer() != null).forEach(c ->
        perWorker.computeIfAbsent(c.jeugdbeschermer(), w -> new int[phaseNames.size()])[phaseNames.indexOf(c.phase())]++);
    List<List<Object>> rows = new ArrayList<>();
    perWorker.forEach((worker, counts) -> {
      List<Object> row = new ArrayList<>(List.of(worker));
      for (int count : counts) {
        row.add(count);
      }
      rows.add(row);
    });
    List<String> columns = new ArrayList<>(List.of("Jeugdbeschermer"));
    columns.addAll(phaseNames);
    return new Table("fase-per-jeugdbeschermer", "Zaken per jeugdbeschermer en fase", columns, rows);
  }

  record DeadlineRow(String task, String caseNumber, Instant due, Instant done, boolean cancelled) {

    boolean decided(Instant now) {
      return !cancelled && (done != null || due.isBefore(now));
    }

    boolean kept() {
      return done != null && !done.isAfter(due);
    }
  }

  private List<DeadlineRow> deadlineRows(Instant now) {
    List<Object> keys = new ArrayList<>(DEADLINES.keySet());
    String in = String.join(", ", Collections.nCopies(keys.size(), "?"));
    return jdbc.sql("""
        select t.TASK_DEF_KEY_, p.BUSINESS_KEY_, t.DUE_DATE_, t.END_TIME_, t.DELETE_REASON_
        from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.PROC_INST_ID_ = t.PROC_INST_ID_
        where t.TASK_DEF_KEY_ in (%s) and t.DUE_DATE_ is not null order by t.DUE_DATE_, t.START_TIME_""".formatted(in))
        .params(keys)
        .query((rs, row) -> {
          Timestamp end = rs.getTimestamp(4);
          String deleteReason = rs.getString(5);
          boolean completed = end != null && (deleteReason == null || "completed".equals(deleteReason));
          return new DeadlineRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
              completed ? end.toInstant() : null, end != null && !completed);
        })
        .list().stream()
        // an assessment sent back is signed again: the last signature of a case counts
        .collect(java.util.stream.Collectors.toMap(r -> r.task() + "/" + r.caseNumber() + "/" + r.due(), r -> r,
            (first, later) -> later.done() != null ? later : first, LinkedHashMap::new))
        .values().stream().filter(r -> r.decided(now)).toList();
  }

  private static Object percentageKept(List<DeadlineRow> rows, String task) {
    List<DeadlineRow> decided = rows.stream().filter(r -> r.task().equals(task)).toList();
    return decided.isEmpty() ? null : Math.round(1000.0 * decided.stream().filter(DeadlineRow::kept).count()
        / decided.size()) / 10.0;
  }

  private Table deadlinesKept(List<DeadlineRow> rows) {
    List<List<Object>> table = new ArrayList<>();
    DEADLINES.forEach((task, label) -> {
      long kept = rows.stream().filter(r -> r.task().equals(task) && r.kept()).count();
      long missed = rows.stream().filter(r -> r.task().equals(task) && !r.kept()).count();
      Object percentage = percentageKept(rows, task);
      table.add(java.util.Arrays.asList(label, kept, missed, percentage));
    });
    return new Table("termijnen", "Termijnen gehaald", List.of("Termijn", "Gehaald", "Gemist", "% gehaald"), table);
  }

  private Table deadlinesMissed(List<DeadlineRow> rows) {
    List<List<Object>> table = new ArrayList<>();
    rows.stream().filter(r -> !r.kept()).forEach(r -> table.add(java.util.Arrays.asList(r.caseNumber(),
        DEADLINES.get(r.task()), r.due(), r.done() == null ? "nog niet gedaan" : r.done())));
    return new Table("gemiste-termijnen", "Gemiste termijnen", List.of("Zaak", "Termijn", "Uiterlijk", "Gedaan op"), table);
  }

  private Table durations() {
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, String> stage : CasePhases.STAGES.entrySet()) {
      if (stage.getKey().equals("maatregel-bewaken")) {
        continue;
      }
      List<Long> days = jdbc.sql("select DURATION_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is not null"
              + " and DURATION_ is not null")
          .param(stage.getKey()).query(Long.class).list().stream().map(ms -> ms / 86_400_000L).toList();
      long running = jdbc.sql("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is null")
          .param(stage.getKey()).query(Long.class).single();
      rows.add(durationRow(stage.getValue(), days, running));
    }
    Map<String, List<Long>> measureDays = new TreeMap<>();
    Map<String, Long> measuresRunning = new TreeMap<>();
    for (Measures.Measure measure : measures.all()) {
      if (measure.endedOn() == null) {
        measuresRunning.merge(measure.type(), 1L, Long::sum);
        measureDays.computeIfAbsent(measure.type(), t -> new ArrayList<>());
      } else {
        measureDays.computeIfAbsent(measure.type(), t -> new ArrayList<>())
            .add(ChronoUnit.DAYS.between(measure.start(), measure.endedOn()));
      }
    }
    measureDays.forEach((type, days) -> rows.add(durationRow("Maatregel: " + type, days,
        measuresRunning.getOrDefault(type, 0L))));
    return new Table("doorlooptijden", "Doorlooptijden van fasen en maatregelen (dagen)",
        List.of("Fase of maatregel", "Afgerond", "Gemiddeld", "Mediaan", "Lopend"), rows);
  }

  private static List<Object> durationRow(String what, List<Long> days, long running) {
    List<Long> sorted = days.stream().sorted().toList();
    Object mean = sorted.isEmpty() ? null : Math.round(10.0 * sorted.stream().mapToLong(Long::longValue).average()
        .orElse(0)) / 10.0;
    Object median = sorted.isEmpty() ? null : sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
        : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2.0;
    return java.util.Arrays.asList(what, sorted.size(), mean, median, running);
  }

  private Table measureTable() {
    Map<String, long[]> perType = new TreeMap<>();
    for (Measures.Measure measure : measures.all()) {
      long[] counts = perType.computeIfAbsent(measure.type(), t -> new long[5]);
      counts[measure.endedOn() == null ? 0 : 1]++;
      counts[2] += measure.extensions();
      if (Measures.EndReason.OPHEFFING.label().equals(measure.endReason())) {
        counts[3]++;
      }
      if (Measures.EndReason.NIET_VERLENGD.label().equals(measure.endReason())) {
        counts[4]++;
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    perType.forEach((type, c) -> rows.add(List.of(type, c[0], c[1], c[2], c[3], c[4])));
    return new Table("maatregelen", "Maatregelen: lopend, beëindigd, verlengd, opgeheven",
        List.of("Maatregel", "Lopend", "Beëindigd", "Verlengingen", "Opheffingen", "Niet verlengd"), rows);
  }

  private Table placements() {
    List<List<Object>> rows = new ArrayList<>();
    for (Measures.Measure measure : measures.all()) {
      if (OUT_OF_HOME.contains(measure.type())) {
        rows.add(java.util.Arrays.asList(measure.caseNumber(), measure.type(), measure.start(),
            measure.endedOn() != null ? measure.endedOn() : measure.end()));
      }
    }
    jdbc.sql("""
        select p.BUSINESS_KEY_, a.END_TIME_ from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.PROC_INST_ID_ = a.PROC_INST_ID_
        where a.ACT_ID_ = 'EndEvent_ChildPlaced' order by a.END_TIME_""")
        .query((rs, row) -> java.util.Arrays.<Object>asList(rs.getString(1), "crisisplaatsing",
            rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), null))
        .list().forEach(rows::add);
    return new Table("uithuisplaatsingen", "Uithuisplaatsingen: machtigingen en crisisplaatsingen",
        List.of("Zaak", "Soort", "Sinds", "Tot"), rows);
  }

  private Table attention(Instant now) {
    List<Object> keys = new ArrayList<>(ESCALATIONS.keySet());
    String in = String.join(", ", Collections.nCopies(keys.size(), "?"));
    List<List<Object>> rows = jdbc.sql("""
        select p.BUSINESS_KEY_, t.TASK_DEF_KEY_, t.NAME_, t.CREATE_TIME_, t.DUE_DATE_
        from ACT_RU_TASK t join ACT_RU_EXECUTION p on p.ID_ = t.PROC_INST_ID_
        where t.TASK_DEF_KEY_ in (%s) order by t.CREATE_TIME_""".formatted(in))
        .params(keys)
        .query((rs, row) -> java.util.Arrays.<Object>asList(rs.getString(1), ESCALATIONS.get(rs.getString(2)),
            rs.getString(3), rs.getTimestamp(4).toInstant(),
            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
            rs.getTimestamp(5) != null && rs.getTimestamp(5).toInstant().isBefore(now) ? "ja" : "nee"))
        .list();
    return new Table("aandacht", "Stagnerende en geëscaleerde zaken (open bij de teamleider)",
        List.of("Zaak", "Waarom", "Taak", "Sinds", "Uiterlijk", "Verlopen"), rows);
  }

  private Table reentries(Instant now) {
    Timestamp since = Timestamp.from(now.minus(Duration.ofDays(365)));
    List<List<Object>> rows = jdbc.sql("""
        select c.case_number, c.opened_at, c.reentry_of, e.closed_at from bv_case c
        join bv_case e on e.case_number = c.reentry_of
        where c.opened_at >= ? order by c.opened_at""")
        .param(since)
        .query((rs, row) -> java.util.Arrays.<Object>asList(rs.getString(1), rs.getTimestamp(2).toInstant(),
            rs.getString(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .list();
    return new Table("herhaalde-meldingen", "Herhaalde meldingen: nieuwe zaak binnen 12 maanden na afsluiting (laatste jaar)",
        List.of("Zaak", "Geopend", "Eerdere zaak", "Eerdere zaak afgesloten"), rows);
  }

  private long countOpenedWithin(Instant now, int days) {
    return jdbc.sql("select count(*) from bv_case where opened_at >= ?")
        .param(Timestamp.from(now.minus(Duration.ofDays(days)))).query(Long.class).single();
  }
}

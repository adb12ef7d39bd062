package nl.blijvendveilig.casefile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Which phase a case is in, read from the stages (called processes) that run for it: the deepest one
 * counts, so a case in fase 2 is in fase 2 although its measure and measure watch run too. One place
 * for the case API, the forms' header and the dashboard.
 */
@Component
public class CasePhases {

  public static final String INTAKE = "Melding en beoordeling";
  public static final String MEASURE = "Maatregel";
  public static final String CLOSED = "Afgesloten";

  /** Stage process keys and how a worker calls them, deepest first. */
  public static final Map<String, String> STAGES = stages();

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("fase-1-verbinden-en-motiveren", "Fase 1: verbinden en motiveren");
    stages.put("fase-2-ondersteunen-en-regie-voeren", "Fase 2: ondersteunen en regie voeren");
    stages.put("fase-3-generaliseren-en-borgen", "Fase 3: generaliseren en borgen");
    stages.put("borging-en-afsluiting", "Borging en afsluiting");
    stages.put("maatregel-bewaken", MEASURE);
    stages.put("raad-en-kinderrechter", "Raad en kinderrechter");
    stages.put("veiligheidsbeoordeling", INTAKE);
    return java.util.Collections.unmodifiableMap(stages);
  }

  /** A page of process instances per query: the engine refuses unbounded lists. */
  static final int PAGE = 1000;

  private final RuntimeService runtime;
  private final HistoryService history;

  public CasePhases(@Lazy RuntimeService runtime, @Lazy HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** The phase a stage stands for, or null for the case process and the measure's own wrapper. */
  public static String ofStage(String processDefinitionKey) {
    return STAGES.get(processDefinitionKey);
  }

  /** The phase of one open case (call it for the process, not with a worker's authorizations). */
  public String of(String caseNumber) {
    Set<String> running = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .unfinished().listPage(0, PAGE).stream().map(HistoricProcessInstance::getProcessDefinitionKey)
        .collect(Collectors.toSet());
    return STAGES.entrySet().stream()
        .filter(stage -> running.contains(stage.getKey()))
        .map(Map.Entry::getValue)
        .findFirst().orElse(INTAKE);
  }

  /** The phase of every case with a running stage, by case number; a case without one is in intake. */
  public Map<String, String> ofRunningCases() {
    Map<String, String> phases = new HashMap<>();
    List<String> deepestFirst = List.copyOf(STAGES.keySet());
    for (int i = deepestFirst.size() - 1; i >= 0; i--) {
      String stage = deepestFirst.get(i);
      for (int first = 0; ; first += PAGE) {
        List<ProcessInstance> page = runtime.createProcessInstanceQuery().processDefinitionKey(stage).active()
            .orderByProcessInstanceId().asc().listPage(first, PAGE);
        page.forEach(instance -> phases.put(instance.getBusinessKey(), STAGES.get(stage)));
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    return phases;
  }
}

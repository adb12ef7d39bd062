package nl.blijvendveilig.familyplan;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Stagnatie signaleren": sets {@code stagnatie} (and {@code stagnatieReden}), on which fase 2 escalates
 * to the teamleider, whatever the worker chose.
 */
@Component("detectStagnation")
public class DetectStagnation implements JavaDelegate {

  private final StagnationRules rules;
  private final SafetyScores scores;
  private final Goals goals;
  private final FamilyPlans plans;

  public DetectStagnation(StagnationRules rules, SafetyScores scores, Goals goals, FamilyPlans plans) {
    this.rules = rules;
    this.scores = scores;
    this.goals = goals;
    this.plans = plans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    Optional<String> reason = rules.check(scores.series(caseNumber), goals.of(caseNumber), plans.now());
    execution.setVariable("stagnatie", reason.isPresent());
    execution.setVariable("stagnatieReden", reason.orElse(null));
  }
}

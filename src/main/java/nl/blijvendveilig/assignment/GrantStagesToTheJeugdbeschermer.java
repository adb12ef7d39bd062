package nl.blijvendveilig.assignment;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** A stage that starts in an assigned case is readable by its jeugdbeschermer from the start. */
@Component
public class GrantStagesToTheJeugdbeschermer extends AbstractProcessEnginePlugin {

  private final CaseGrants grants;

  public GrantStagesToTheJeugdbeschermer(@Lazy CaseGrants grants) {
    this.grants = grants;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.after(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        process.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution execution) -> {
          if ("jeugdbeschermer".equals(execution.getVariable("regieGroep"))
              && execution.getVariable("regisseur") instanceof String person) {
            AsProcess.run(() -> grants.grant(execution.getProcessEngineServices().getAuthorizationService(),
                execution.getProcessInstanceId(), person));
          }
        });
      }
    });
  }
}

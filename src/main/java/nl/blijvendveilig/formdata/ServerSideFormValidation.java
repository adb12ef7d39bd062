package nl.blijvendveilig.formdata;

import nl.blijvendveilig.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Never trust the browser: every start event and user task that has a Camunda Form gets, when the
 * models are deployed, a listener that validates what was submitted against that form on the server.
 * It runs inside the engine's transaction, so a refusal starts nothing and completes nothing, however
 * the input came in (Tasklist, {@code /engine-rest} start, complete or submit-form, Java API).
 *
 * <p>For a user task the check runs when the task ends normally (not when it is cancelled by a
 * boundary event or a deleted case); it is an execution listener rather than a task listener because
 * the engine wraps task listener exceptions, which would turn the 400 into a 500.
 */
@Component
public class ServerSideFormValidation extends AbstractProcessEnginePlugin {

  private static final String FORM_REF = "blijvendveilig.formRef";

  private final FormSchemas schemas;

  public ServerSideFormValidation(@Lazy FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.before(configuration, new AttachValidation());
  }

  private final class AttachValidation extends AbstractBpmnParseListener {

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl startEvent) {
      formRef(element).ifPresent(formId ->
          startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, validate(formId, false)));
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl userTask) {
      formRef(element).ifPresent(formId -> {
        userTask.setProperty(FORM_REF, formId);
        userTask.addBuiltInListener(ExecutionListener.EVENTNAME_END, validate(formId, true));
      });
    }

    /**
     * A message on a user task (another system registers what a worker would otherwise enter in the
     * task's form) carries the same variables and is held to the same form.
     */
    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl boundaryEvent) {
      ActivityImpl attachedTo = boundaryEvent.getEventScope() instanceof ActivityImpl activity ? activity : null;
      if (element.element("messageEventDefinition") != null && attachedTo != null
          && attachedTo.getProperty(FORM_REF) instanceof String formId) {
        boundaryEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, validate(formId, false));
      }
    }

    private java.util.Optional<String> formRef(Element element) {
      String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
      return formRef == null || formRef.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(formRef);
    }

    private ExecutionListener validate(String formId, boolean skipWhenCancelled) {
      return (DelegateExecution execution) -> {
        if (skipWhenCancelled && execution.isCanceled()) {
          return;
        }
        FormValues values = FormValues.of(execution.getVariables());
        // the form as deployed with this process, read for the process, not with the worker's rights
        nl.blijvendveilig.platform.AsProcess.run(() -> schemas.validate(formId, execution.getProcessEngineServices()
            .getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId(), values));
      };
    }
  }
}

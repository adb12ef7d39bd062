package nl.blijvendveilig.formdata;

import nl.blijvendveilig.platform.AsProcess;
import nl.blijvendveilig.platform.ModelElement;
import nl.blijvendveilig.platform.ModelHooks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * the engine wraps task listener exceptions, which would turn the 400 into a 500. The listeners come
 * before the engine's own ({@link #beforeTheEngine()}).
 */
@Component
public class ServerSideFormValidation implements ModelHooks {

  private final FormSchemas schemas;

  public ServerSideFormValidation(@Lazy FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public boolean beforeTheEngine() {
    return true;
  }

  @Override
  public void startEvent(ModelElement startEvent) {
    String formId = startEvent.formRef();
    if (formId != null) {
      startEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, validate(formId, false));
    }
  }

  @Override
  public void userTask(ModelElement userTask) {
    String formId = userTask.formRef();
    if (formId != null) {
      userTask.addBuiltInListener(ExecutionListener.EVENTNAME_END, validate(formId, true));
    }
  }

  /**
   * A message on a user task (another system registers what a worker would otherwise enter in the
   * task's form) carries the same variables and is held to the same form.
   */
  @Override
  public void boundaryEvent(ModelElement boundaryEvent) {
    String formId = boundaryEvent.formRefOfAttachedTask();
    if (boundaryEvent.isMessageEvent() && formId != null) {
      boundaryEvent.addBuiltInListener(ExecutionListener.EVENTNAME_START, validate(formId, false));
    }
  }

  private ExecutionListener validate(String formId, boolean skipWhenCancelled) {
    return (DelegateExecution execution) -> {
      if (skipWhenCancelled && execution.isCanceled()) {
        return;
      }
      FormValues values = FormValues.of(execution.getVariables());
      // the form as deployed with this process, read for the process, not with the worker's rights
      AsProcess.run(() -> schemas.validate(formId, execution.getProcessEngineServices()
          .getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId()).getDeploymentId(), values));
    };
  }
}

package nl.blijvendveilig.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** What a task listener knows of its task's process definition without a query (the engine's task entity). */
public final class DelegateTasks {

  private DelegateTasks() {
  }

  public static String processDefinitionKey(DelegateTask task) {
    return ((TaskEntity) task).getProcessDefinition().getKey();
  }

  public static String deploymentId(DelegateTask task) {
    return ((TaskEntity) task).getProcessDefinition().getDeploymentId();
  }
}

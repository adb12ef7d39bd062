package nl.blijvendveilig.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import nl.blijvendveilig.formdata.FormSchemas;
import nl.blijvendveilig.formdata.RejectedInput;
import nl.blijvendveilig.security.CaseMessages;
import nl.blijvendveilig.security.Role;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a person may change in a case, checked inside the engine on every command a person gives
 * (engine REST, the webapps' REST, the project's endpoints; not the process's own work):
 * <ul>
 *   <li>completing a task or submitting a start form carries only the variables its Camunda Form
 *       declares (400 naming the others): a worker cannot re-route a case with {@code regisseur} or
 *       {@code jeugdbeschermer};</li>
 *   <li>a message only from the roles {@link CaseMessages} names (403), with only its variables (400);</li>
 *   <li>no variables set, patched or removed on a task or process instance, no modification, restart,
 *       start at an activity or suspension, no timer moved, run early or suspended by a person: the
 *       process and its forms change a case, the beheerder repairs one;</li>
 *   <li>a person asks the groups of others only as teamleider (who picks a jeugdbeschermer) or
 *       beheerder: a worker cannot map who has which role.</li>
 * </ul>
 */
@Component
public class UserCommandGuard extends AbstractProcessEnginePlugin {

  static final String REFUSED_WRITE = "Zaakgegevens veranderen alleen via de formulieren en berichten van het "
      + "proces; dit mag alleen de beheerder";

  /**
   * The engine's commands that change something, by their names (Set..., Delete..., Modify...,
   * Handle..., Migrate..., Execute..., ...): a person gives only those of {@link #PERSON_WRITES} and,
   * as teamleider, {@link #TEAMLEIDER_TASK_WRITES}. A command Camunda adds in a later version is refused
   * until it is listed here: the list says what a person may do, not what they may not.
   */
  static final Pattern WRITE = Pattern.compile("^(Set|Update|Delete|Remove|Modify|Restart|Create|Handle|Resolve"
      + "|Suspend|Activate|Migrate|Execute|Signal|Patch|Recalculate|Add|Save|Claim|Assign|Delegate|Fetch|Lock"
      + "|Unlock|Complete|Extend|Submit|Start|Correlate|Message|ProcessInstanceModification|Deploy|Redeploy"
      + "|Evaluate|Report|Unclaim|Telemetry|Purge|HistoryCleanup|Register|Unregister|Close|Terminate|Disable"
      + "|Reenable|ManualStart).*");
  static final Set<String> PERSON_WRITES = Set.of("CompleteTaskCmd", "SubmitTaskFormCmd", "SubmitStartFormCmd",
      "StartProcessInstanceCmd", "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateStartMessageCmd",
      "MessageEventReceivedCmd", "ClaimTaskCmd", "AssignTaskCmd", "AddCommentCmd", "CreateFilterCmd", "SaveFilterCmd",
      "DeleteFilterCmd", "SaveUserCmd", "DeployCmd", "DeleteDeploymentCmd", "CreateMigrationPlanCmd",
      "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd");
  static final Set<String> TEAMLEIDER_TASK_WRITES = Set.of("AddUserIdentityLinkCmd", "AddGroupIdentityLinkCmd",
      "DeleteUserIdentityLinkCmd", "DeleteGroupIdentityLinkCmd", "DelegateTaskCmd", "SetTaskOwnerCmd", "SaveTaskCmd",
      "SetTaskDueDateCmd", "SetTaskFollowUpDateCmd", "SetTaskNameCmd", "SetTaskPriorityCmd",
      "SetTaskDescriptionCmd");

  private final ObjectProvider<FormSchemas> schemas;

  public UserCommandGuard(ObjectProvider<FormSchemas> schemas) {
    this.schemas = schemas;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Guard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  final class Guard extends CommandInterceptor {

    /** Commands the process gives while it runs a person's command are the process's own. */
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final ProcessEngineConfigurationImpl configuration;

    Guard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (depth.get() == 0) {
        Authentication person = configuration.getIdentityService().getCurrentAuthentication();
        if (person != null && person.getUserId() != null && !isBeheerder(person)) {
          check(command, person);
        }
      }
      depth.set(depth.get() + 1);
      try {
        return next.execute(command);
      } finally {
        depth.set(depth.get() - 1);
      }
    }

    private void check(Command<?> command, Authentication person) {
      if (command instanceof CompleteTaskCmd) {
        onlyTheFormsVariables(taskForm(field(command, "taskId")), keys(field(command, "variables")));
      } else if (command instanceof SubmitTaskFormCmd) {
        onlyTheFormsVariables(taskForm(field(command, "taskId")), keys(field(command, "properties")));
      } else if (command instanceof SubmitStartFormCmd) {
        onlyTheFormsVariables(startForm(field(command, "processDefinitionId"), null), keys(field(command, "variables")));
      } else if (command instanceof StartProcessInstanceCmd) {
        ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
        onlyTheFormsVariables(startForm(start.getProcessDefinitionId(), start.getProcessDefinitionKey()),
            keys(start.getVariables()));
      } else if (command instanceof AbstractCorrelateMessageCmd) {
        MessageCorrelationBuilderImpl message = field(command, "builder");
        Set<String> carried = keys(message.getPayloadProcessInstanceVariables());
        carried.addAll(keys(message.getPayloadProcessInstanceVariablesLocal()));
        carried.addAll(keys(message.getPayloadProcessInstanceVariablesToTriggeredScope()));
        mayBeSent(command, message.getMessageName(), carried, person);
      } else if (command instanceof MessageEventReceivedCmd) {
        Set<String> carried = keys(field(command, "processVariables"));
        carried.addAll(keys(field(command, "processVariablesLocal")));
        carried.addAll(keys(field(command, "processVariablesToTriggeredScope")));
        mayBeSent(command, field(command, "messageName"), carried, person);
      } else if (command instanceof GroupQueryImpl groups && groups.getUserId() != null
          && !groups.getUserId().equals(person.getUserId()) && !isTeamleider(person)) {
        throw refuse(command, "Je mag alleen je eigen groepen opvragen");
      } else if (command instanceof ClaimTaskCmd) {
        String claimant = field(command, "userId");
        if (claimant == null && !isTeamleider(person) && !isAssignee(field(command, "taskId"), person)) {
          throw refuse(command, "Je geeft je eigen taak alleen terug aan de groep; de teamleider wijst taken toe");
        }
        if (claimant != null && !claimant.equals(person.getUserId()) && !isTeamleider(person)) {
          throw refuse(command, "Je neemt een taak alleen voor jezelf; de teamleider wijst taken toe");
        }
      } else if (command instanceof AssignTaskCmd) {
        String assignee = field(command, "userId");
        if (!isTeamleider(person) && !(assignee == null && isAssignee(field(command, "taskId"), person))) {
          throw refuse(command, "Je geeft je eigen taak alleen terug aan de groep; de teamleider wijst taken toe");
        }
      } else if (command instanceof AddCommentCmd) {
        String processInstanceId = field(command, "processInstanceId");
        String taskId = field(command, "taskId");
        if (taskId == null || processInstanceId != null && !processInstanceId.equals(processInstanceOf(taskId))) {
          throw refuse(command, "Een opmerking hoort bij een taak, in de zaak van die taak");
        }
      } else if (command instanceof DeleteDeploymentCmd && Boolean.TRUE.equals(field(command, "cascade"))) {
        throw refuse(command, "Een deployment met lopende zaken verwijdert alleen de beheerder");
      } else if (command instanceof AbstractMigrationCmd) {
        sameStepsOnly(command, field(command, "executionBuilder"));
      } else if (TEAMLEIDER_TASK_WRITES.contains(command.getClass().getSimpleName())) {
        if (!isTeamleider(person)) {
          throw refuse(command, "Een taak doorgeven, delegeren of de termijn ervan verzetten doet de teamleider");
        }
      } else if (isWrite(command) && !PERSON_WRITES.contains(command.getClass().getSimpleName())) {
        throw refuse(command, REFUSED_WRITE);
      }
    }

    private void mayBeSent(Command<?> command, String messageName, Set<String> carried, Authentication person) {
      CaseMessages message = CaseMessages.named(messageName)
          .orElseThrow(() -> refuse(command, "Onbekend bericht: " + messageName));
      if (!message.maySend(person.getGroupIds() == null ? List.of() : person.getGroupIds())) {
        throw refuse(command, message.refusal());
      }
      Set<String> allowed = new HashSet<>(message.variables());
      message.formId().ifPresent(formId -> allowed.addAll(asProcess(() -> schemas.getObject().variables(formId, null))));
      notDeclared(carried, allowed, "het bericht " + messageName);
    }

    private void onlyTheFormsVariables(Form form, Set<String> submitted) {
      if (form == null) {
        return; // no such task or process: the command itself answers that
      }
      // the form as deployed with the process, read for the process, not with the person's rights
      Set<String> declared = form.formId() == null ? Set.of()
          : asProcess(() -> schemas.getObject().variables(form.formId(), form.deploymentId()));
      notDeclared(submitted, declared, form.formId() == null ? "deze stap (zonder formulier)"
          : "het formulier " + form.formId());
    }

    private void notDeclared(Set<String> carried, Set<String> allowed, String where) {
      Map<String, String> errors = new LinkedHashMap<>();
      for (String name : new TreeSet<>(carried)) {
        if (!allowed.contains(name)) {
          errors.put(name, "hoort niet bij " + where + " en wordt niet aangenomen");
        }
      }
      if (!errors.isEmpty()) {
        throw new RejectedInput(errors);
      }
    }

    /**
     * A person migrates a case to the next version of its own model, each step to the step of the same
     * id, with its input/output mappings, and sets nothing: never moves a case to another step (the
     * procesontwerper's {@code /api/migration} asks exactly this).
     */
    private void sameStepsOnly(Command<?> command, MigrationPlanExecutionBuilderImpl migration) {
      MigrationPlan plan = migration.getMigrationPlan();
      if (plan.getVariables() != null && !plan.getVariables().isEmpty()) {
        throw refuse(command, "Een migratie zet geen variabelen; dat doet alleen de beheerder");
      }
      if (Boolean.TRUE.equals(field(migration, "skipIoMappings"))) {
        throw refuse(command, "Een migratie slaat geen input/output-mappings over; dat doet alleen de beheerder");
      }
      boolean sameModel = keyOf(plan.getSourceProcessDefinitionId()).equals(keyOf(plan.getTargetProcessDefinitionId()));
      boolean sameSteps = plan.getInstructions().stream()
          .allMatch(step -> step.getSourceActivityId().equals(step.getTargetActivityId()));
      if (!sameModel || !sameSteps) {
        throw refuse(command, "Een migratie brengt elke stap naar dezelfde stap van een nieuwere versie van hetzelfde "
            + "proces; een zaak naar een andere stap verzetten doet alleen de beheerder");
      }
    }

    /** The key of a process definition (its id holds the key only when that is short). */
    private String keyOf(String processDefinitionId) {
      return processDefinitionId == null ? "" : asProcess(() -> configuration.getRepositoryService()
          .getProcessDefinition(processDefinitionId).getKey());
    }

    /** The refusal, with the task or process instance the command was aimed at (for the access log). */
    private RefusedChange refuse(Command<?> command, String message) {
      List<MissingAuthorization> aimedAt = new ArrayList<>();
      String taskId = optionalField(command, "taskId");
      String entityId = optionalField(command, "entityId");
      String instanceId = optionalField(command, "processInstanceId");
      if (taskId == null && entityId != null && command.getClass().getSimpleName().contains("Task")) {
        taskId = entityId;
      } else if (instanceId == null && entityId != null) {
        instanceId = entityId;
      }
      if (instanceId == null && optionalField(command, "builder") instanceof MessageCorrelationBuilderImpl correlation
          && correlation.getBusinessKey() != null) {
        instanceId = asProcess(() -> configuration.getRuntimeService().createProcessInstanceQuery()
            .processInstanceBusinessKey(correlation.getBusinessKey()).listPage(0, 1).stream().findFirst()
            .map(ProcessInstance::getId).orElse(null));
      }
      if (taskId != null) {
        aimedAt.add(new MissingAuthorization("UPDATE", Resources.TASK.resourceName(), taskId));
      }
      if (instanceId != null) {
        aimedAt.add(new MissingAuthorization("UPDATE", Resources.PROCESS_INSTANCE.resourceName(), instanceId));
      }
      return new RefusedChange(message, aimedAt);
    }

    private boolean isAssignee(String taskId, Authentication person) {
      return Boolean.TRUE.equals(asProcess(() -> {
        Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return task != null && person.getUserId().equals(task.getAssignee());
      }));
    }

    private String processInstanceOf(String taskId) {
      return asProcess(() -> {
        Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return task == null ? null : task.getProcessInstanceId();
      });
    }

    private Form taskForm(String taskId) {
      return asProcess(() -> {
        Task task = configuration.getTaskService().createTaskQuery().taskId(taskId).initializeFormKeys()
            .singleResult();
        if (task == null || task.getProcessDefinitionId() == null) {
          return null;
        }
        return new Form(key(task.getCamundaFormRef()), deploymentOf(task.getProcessDefinitionId()));
      });
    }

    private Form startForm(String definitionId, String definitionKey) {
      return asProcess(() -> {
        ProcessDefinition definition = definitionId != null
            ? configuration.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(definitionId)
                .singleResult()
            : configuration.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(definitionKey)
                .latestVersion().singleResult();
        if (definition == null) {
          return null;
        }
        return new Form(key(configuration.getFormService().getStartFormData(definition.getId()).getCamundaFormRef()),
            definition.getDeploymentId());
      });
    }

    private String deploymentOf(String processDefinitionId) {
      return configuration.getRepositoryService().getProcessDefinition(processDefinitionId).getDeploymentId();
    }

    private <T> T asProcess(java.util.concurrent.Callable<T> lookup) {
      depth.set(depth.get() + 1);
      try {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(lookup));
      } finally {
        depth.set(depth.get() - 1);
      }
    }
  }

  record Form(String formId, String deploymentId) {
  }

  /** An engine command whose name says it changes something (the webapps' own commands only read). */
  static boolean isWrite(Command<?> command) {
    String name = command.getClass().getSimpleName();
    return command.getClass().getName().startsWith("org.camunda.bpm.engine.") && WRITE.matcher(name).matches()
        && !name.endsWith("QueryCmd") && !name.startsWith("ExecuteFilter");
  }

  static boolean isTeamleider(Authentication person) {
    return person.getGroupIds() != null && person.getGroupIds().contains(Role.TEAMLEIDER.groupId());
  }

  static boolean isBeheerder(Authentication person) {
    return person.getGroupIds() != null && person.getGroupIds().contains(Role.BEHEERDER.groupId());
  }

  private static String key(CamundaFormRef ref) {
    return ref == null ? null : ref.getKey();
  }

  private static Set<String> keys(Object variables) {
    return variables instanceof Map<?, ?> map ? new HashSet<>(map.keySet().stream().map(String::valueOf).toList())
        : new HashSet<>();
  }

  static <T> T optionalField(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      for (Field declared : type.getDeclaredFields()) {
        if (declared.getName().equals(name)) {
          return field(command, name);
        }
      }
    }
    return null;
  }

  /** The commands keep what they carry in protected fields: read here, the one place that knows them. */
  @SuppressWarnings("unchecked")
  static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException notHere) {
        // the field is declared further up
      } catch (IllegalAccessException unexpected) {
        throw new IllegalStateException(unexpected);
      }
    }
    throw new IllegalStateException("Camunda's " + command.getClass().getSimpleName() + " has no field '" + name
        + "' any more: adapt UserCommandGuard to the engine");
  }
}

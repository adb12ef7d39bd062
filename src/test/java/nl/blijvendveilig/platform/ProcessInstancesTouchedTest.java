package nl.blijvendveilig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.impl.plugin.base.dto.ProcessInstanceDto;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** The process instance of a row is read from the row's own fields, and only from them. */
class ProcessInstancesTouchedTest {

  @Test
  void anEngineEntityGivesItsProcessInstanceWithoutLoadingAnything() {
    ExecutionEntity execution = new ExecutionEntity();
    execution.setId("execution-1");
    execution.setProcessInstanceId("instance-1");
    assertThat(ids(execution)).containsExactly("instance-1");

    TaskEntity task = new TaskEntity();
    task.setProcessInstanceId("instance-2");
    assertThat(ids(task)).containsExactly("instance-2");
  }

  @Test
  void cockpitsProcessInstanceRowIsTheInstance() {
    ProcessInstanceDto row = new ProcessInstanceDto();
    row.setId("instance-3");
    row.setBusinessKey("JB-2026-999999");
    assertThat(ids(row)).as("the id, never the business key").containsExactly("instance-3");
  }

  @Test
  void bulkStatementsGiveTheirParameters() {
    assertThat(ids(new ListQueryParameterObject(Map.of("processInstanceId", "instance-4"), 0, 1)))
        .containsExactly("instance-4");
    assertThat(ids("instance-5")).as("a bare id says nothing of what it is").isEmpty();
  }

  private static List<String> ids(Object row) {
    List<String> ids = new ArrayList<>();
    ProcessInstancesTouched.processInstancesOf(row, ids::add);
    return ids;
  }
}

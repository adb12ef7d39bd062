package nl.blijvendveilig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import nl.blijvendveilig.support.EmbeddedPostgresDatabase;
import nl.blijvendveilig.support.EngineRestClient;
import nl.blijvendveilig.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 13, item 2: the procesontwerper deploys as Camunda Modeler does ({@code /engine-rest/deployment/create});
 * a deployment that brings code is refused whole with a message naming the element, and nothing is
 * deployed. A timer start in the past would have run it within seconds.
 */
@PostgresIntegrationTest
class DeploymentAttackIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgresDatabase.register(registry);
  }

  static final String RUNTIME = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
      + ".exec('touch /tmp/bv-attack')";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  /** A process that starts by a timer in the past and runs {@code task}, or has {@code extension} on its task. */
  static String process(String key, String task, String extension) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start_Timer">
              <bpmn:outgoing>Flow_1</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start_Timer" targetRef="Task_Attack" />
            %2$s
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Attack" targetRef="End" />
            <bpmn:endEvent id="End"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, task.formatted(extension));
  }

  static final String SERVICE_TASK = """
      <bpmn:serviceTask id="Task_Attack" %s><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:serviceTask>""";
  static final String TASK_WITH = """
      <bpmn:task id="Task_Attack"><bpmn:extensionElements>%s</bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:task>""";
  static final String SCRIPT_TASK = """
      <bpmn:scriptTask id="Task_Attack" scriptFormat="%s"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing><bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>""";

  static Stream<Arguments> attacks() {
    return Stream.of(
        Arguments.of("a script task in JavaScript", Map.of("a.bpmn", process("aanval_a", SCRIPT_TASK, "javascript"))),
        Arguments.of("a script task in Groovy", Map.of("a.bpmn", process("aanval_b", SCRIPT_TASK, "groovy"))),
        Arguments.of("a script listener", Map.of("a.bpmn", process("aanval_c", TASK_WITH,
            "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
                + "</camunda:executionListener>"))),
        Arguments.of("an external script resource", Map.of("a.bpmn", process("aanval_d", TASK_WITH,
            "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\" "
                + "resource=\"deployment://x.js\" /></camunda:executionListener>"), "x.js", "java.lang.System.exit(1)")),
        Arguments.of("a listener expression calling Runtime", Map.of("a.bpmn", process("aanval_e", TASK_WITH,
            "<camunda:executionListener event=\"start\" expression=\"${" + RUNTIME + "}\" />"))),
        Arguments.of("a service task expression on an engine service", Map.of("a.bpmn", process("aanval_f",
            SERVICE_TASK, "camunda:expression=\"${identityService.deleteUser('gerard')}\""))),
        Arguments.of("a property chain into the engine", Map.of("a.bpmn", process("aanval_g", SERVICE_TASK,
            "camunda:expression=\"${execution.processEngineServices.identityService}\""))),
        Arguments.of("a Java class outside the project", Map.of("a.bpmn", process("aanval_h", SERVICE_TASK,
            "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\""))),
        Arguments.of("an input parameter script", Map.of("a.bpmn", process("aanval_i", TASK_WITH,
            "<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"groovy\">1"
                + "</camunda:script></camunda:inputParameter></camunda:inputOutput>"))),
        Arguments.of("an expression split by a CDATA section", Map.of("a.bpmn", process("aanval_l", TASK_WITH,
            "<camunda:inputOutput><camunda:inputParameter name=\"x\">$<![CDATA[{" + RUNTIME + "}]]>"
                + "</camunda:inputParameter></camunda:inputOutput>"))),
        Arguments.of("an expression split by a comment", Map.of("a.bpmn", process("aanval_m", TASK_WITH,
            "<camunda:inputOutput><camunda:inputParameter name=\"x\">$<!-- -->{" + RUNTIME + "}"
                + "</camunda:inputParameter></camunda:inputOutput>"))),
        Arguments.of("a Java class in Activiti's namespace", Map.of("a.bpmn", process("aanval_n", SERVICE_TASK,
            "activiti:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneEndEventActivityBehavior\""))),
        Arguments.of("the engine through a bracket", Map.of("a.bpmn", process("aanval_o", SERVICE_TASK,
            "camunda:expression=\"${execution['processEngineServices']}\""))),
        Arguments.of("a listener's class outside the project", Map.of("a.bpmn", process("aanval_p", TASK_WITH,
            "<camunda:executionListener event=\"start\" class=\"java.lang.Object\" />"))),
        Arguments.of("a variable mapping class outside the project", Map.of("a.bpmn", process("aanval_q", SERVICE_TASK,
            "camunda:expression=\"${true}\" camunda:variableMappingClass=\"org.example.Mapping\""))),
        Arguments.of("a method of Object on a bean for models", Map.of("a.bpmn", process("aanval_r", SERVICE_TASK,
            "camunda:expression=\"${deadlines.getClass()}\""))),
        Arguments.of("an embedded HTML form", Map.of("a.bpmn", process("aanval_j", SERVICE_TASK,
            "camunda:expression=\"${true}\""), "form.html", "<script>fetch('/engine-rest/user')</script>")),
        Arguments.of("a decision in JUEL", Map.of("d.dmn", """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
              <decision id="aanval_k" name="k">
                <decisionTable id="Table_1">
                  <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="juel">
                    <text>${identityService.deleteUser('gerard')}</text></inputExpression></input>
                  <output id="Output_1" name="o" typeRef="string" />
                </decisionTable>
              </decision>
            </definitions>
            """)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aDeploymentThatBringsCodeIsRefusedWhole(String attack, Map<String, String> files) {
    long before = engine.getRepositoryService().createDeploymentQuery().count();
    ResponseEntity<String> deployment = deploy("pieter", files);
    assertThat(deployment.getStatusCode().value()).as(deployment.getBody()).isEqualTo(400);
    assertThat(deployment.getBody()).as("names the element or file").containsAnyOf("Task_Attack", "x.js", "form.html",
        "Expr_1");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("nothing deployed").isEqualTo(before);
    assertThat(engine.getIdentityService().createUserQuery().userId("gerard").count()).isEqualTo(1);
  }

  @Test
  void aModelWithVariableLogicAndTheProjectsBeansDeploys() {
    String task = """
        <bpmn:userTask id="Task_Attack" camunda:candidateGroups="${direction.candidateGroups('jeugdbeschermer', null)}"
            camunda:dueDate="${deadlines.homeVisit()}"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>%s""";
    ResponseEntity<String> deployment = deploy("pieter", Map.of("ok.bpmn", process("toegestaan", task, "")));
    assertThat(deployment.getStatusCode().value()).as(deployment.getBody()).isEqualTo(200);
    engine.getRepositoryService().deleteDeployment(EngineRestClient.json(deployment).path("id").asText(), true);
  }

  private ResponseEntity<String> deploy(String user, Map<String, String> files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "aanval");
    parts.add("enable-duplicate-filtering", "false");
    new LinkedHashMap<>(files).forEach((name, content) -> parts.add(name,
        new ByteArrayResource(content.strip().getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return name;
          }
        }));
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }
}

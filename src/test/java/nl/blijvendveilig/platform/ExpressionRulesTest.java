package nl.blijvendveilig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalogue of expressions a query and a model may and may not hold, one row each. */
class ExpressionRulesTest {

  static final ExpressionRules.Beans BEANS = new ExpressionRules.Beans(
      Set.of("deadlines", "direction", "safety")::contains,
      Set.of("deadlines", "direction", "safety", "recordContact", "identityService", "dataSource",
          "runtimeService")::contains);

  @ParameterizedTest
  @ValueSource(strings = {"${currentUser()}", "${currentUserGroups()}", "${now()}", "${dateTime()}",
      "${dateTime().plusDays(2)}", "${dateTime().withTimeAtStartOfDay().minusWeeks(1).toDate()}", "${(now())}"})
  void aQueryMayUseWhatTasklistUses(String expression) {
    assertThat(ExpressionRules.refusalForQuery(expression)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${identityService.deleteUser('gerard')}",
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
      "${\"\".class.forName(\"java.lang.Runtime\")}", "${currentUser().getClass()}", "${dateTime().getClass()}",
      "${now().toString().getBytes()}", "${dateTime().plusDays(currentUser().length())}", "${x}", "${a.b}",
      "${dataSource.connection}", "#{runtimeService.startProcessInstanceByKey('x')}", "plain ${currentUser()}",
      "${S('{}')}", "${true ? currentUser() : identityService.users}", "${dateTime()[\"class\"]}", "not an ${"})
  void aQueryMayNotRunAnythingElse(String expression) {
    assertThat(ExpressionRules.refusalForQuery(expression)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${regisseur}", "${deadlines.homeVisit()}", "${direction.candidateGroups(regieGroep, regisseur)}",
      "#{execution.processBusinessKey}", "${voortgang == 'stagnatie' || (stagnatie && voortgang == 'loopt')}",
      "${acuteDreiging ? 90 : 50}", "${bestaandeZaak != null}", "${safety.isAcute(veiligheidsscore)}",
      "${recordContact}", "${3}", "${dateTime().plusDays(2)}", "${kinderen['eerste']}", "P${dagen}D"})
  void aModelMayUseVariablesAndTheProjectsBeans(String expression) {
    assertThat(ExpressionRules.refusalForModel(expression, BEANS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"${identityService.deleteUser('gerard')}", "${runtimeService.x}",
      "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}",
      "${execution.getProcessEngineServices().getIdentityService()}", "${execution.processEngine.identityService}",
      "${execution.class}", "${dataSource.connection}", "${regisseur.toString()}", "${recordContact.execute(null)}",
      "${deadlines.class}", "${deadlines.getClass()}", "${deadlines.wait(100000)}", "${kinderen[naam]}",
      "${execution['processEngineServices']}", "${S('x').prop('y')}", "#{execution.getVariable('x')}"})
  void aModelMayNotCallAnythingElse(String expression) {
    assertThat(ExpressionRules.refusalForModel(expression, BEANS)).isPresent();
  }
}

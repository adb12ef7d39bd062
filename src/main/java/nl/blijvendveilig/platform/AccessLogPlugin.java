package nl.blijvendveilig.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.webapp.impl.db.QuerySessionFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets the access log see what the engine reads and changes for a user: {@link CommandOutcome} around
 * every command, {@link ProcessInstancesTouched} on the engine's SQL session, and the same two on the
 * separate SQL session that Cockpit's plugins (the process instance list, incidents, called
 * instances) run their own queries on.
 */
@Component
public class AccessLogPlugin extends AbstractProcessEnginePlugin {

  private static final ProcessInstancesTouched ROWS = new ProcessInstancesTouched();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> before = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    // first of all: around the others, the transaction and the flush of the writes
    before.add(0, new CommandOutcome(configuration::getIdentityService));
    configuration.setCustomPreCommandInterceptorsTxRequired(before);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // another plugin that replaced the list instead of adding to it would silently end the logging of refusals
    if (configuration.getCommandInterceptorsTxRequired().stream().noneMatch(CommandOutcome.class::isInstance)) {
      throw new IllegalStateException("Het toegangslogboek ziet de opdrachten van de engine niet: een andere plugin "
          + "heeft customPreCommandInterceptorsTxRequired vervangen in plaats van aangevuld");
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(ROWS);
  }

  /** Cockpit's runtime is set up when the web server starts; its plugins' queries are given the same plugin after. */
  @EventListener(ApplicationStartedEvent.class)
  public void cockpitQueriesToo() {
    Cockpit.setCockpitRuntimeDelegate(new CockpitQueries());
  }

  static final class CockpitQueries extends DefaultCockpitRuntimeDelegate {

    @Override
    protected CommandExecutor createCommandExecutor(String processEngineName) {
      ProcessEngine engine = getProcessEngine(processEngineName);
      if (engine == null) {
        return super.createCommandExecutor(processEngineName);
      }
      ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
      QuerySessionFactory queries = new QuerySessionFactory();
      queries.setCustomPreCommandInterceptorsTxRequired(
          new ArrayList<>(List.of(new CommandOutcome(configuration::getIdentityService))));
      queries.initFromProcessEngineConfiguration(configuration, getMappingFiles());
      queries.getSqlSessionFactory().getConfiguration().addInterceptor(ROWS);
      return new CommandExecutor() {
        @Override
        public <T> T executeCommand(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
          return queries.getCommandExecutorTxRequired().execute(command);
        }
      };
    }
  }
}

package nl.blijvendveilig.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's own checks against running code nobody reviewed: query expressions held to what
 * Tasklist uses ({@link QueryExpressionGuard}), deployments checked before anything is deployed
 * ({@link DeploymentGuard}). Inside the engine, so no channel (engine REST, the webapps' REST, a
 * saved filter, Modeler, Java) goes around them.
 */
@Component
public class EngineSecurity extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public EngineSecurity(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new QueryExpressionGuard(context, configuration.getBeans()));
    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new DeploymentGuard(context));
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
  }
}

package nl.blijvendveilig.platform;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/** Calls every {@link EngineReady} bean when the engine is built, in their Spring order. */
@Component
public class EngineReadyPlugin extends AbstractProcessEnginePlugin {

  private final List<EngineReady> hooks;

  public EngineReadyPlugin(List<EngineReady> hooks) {
    this.hooks = hooks;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    hooks.forEach(hook -> hook.engineReady(engine));
  }
}

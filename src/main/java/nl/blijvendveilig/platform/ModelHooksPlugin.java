package nl.blijvendveilig.platform;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Shows every {@link ModelHooks} bean each process, start event, user task and boundary event of a
 * model being deployed: two BPMN parse listeners ({@link ParseListeners}), one before the engine's own
 * (for the hooks that ask for it) and one after.
 */
@Component
public class ModelHooksPlugin extends AbstractProcessEnginePlugin {

  private final List<ModelHooks> hooks;

  public ModelHooksPlugin(List<ModelHooks> hooks) {
    this.hooks = hooks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.before(configuration, new Hooks(hooks.stream().filter(ModelHooks::beforeTheEngine).toList(), true));
    ParseListeners.after(configuration, new Hooks(hooks.stream().filter(hook -> !hook.beforeTheEngine()).toList(), false));
  }

  private static final class Hooks extends AbstractBpmnParseListener {

    private final List<ModelHooks> hooks;
    private final boolean first;

    Hooks(List<ModelHooks> hooks, boolean first) {
      this.hooks = hooks;
      this.first = first;
    }

    @Override
    public void parseProcess(Element element, ProcessDefinitionEntity process) {
      ModelElement seen = new ModelElement(element, null, process);
      hooks.forEach(hook -> hook.process(seen));
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl startEvent) {
      ModelElement seen = new ModelElement(element, scope, startEvent);
      hooks.forEach(hook -> hook.startEvent(seen));
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl userTask) {
      String formRef = ModelElement.formRef(element);
      if (first && formRef != null) {
        userTask.setProperty(ModelElement.FORM_REF, formRef);
      }
      ModelElement seen = new ModelElement(element, scope, userTask);
      hooks.forEach(hook -> hook.userTask(seen));
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl boundaryEvent) {
      ModelElement seen = new ModelElement(element, scope, boundaryEvent);
      hooks.forEach(hook -> hook.boundaryEvent(seen));
    }
  }
}

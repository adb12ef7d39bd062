package nl.blijvendveilig.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Adds a BPMN parse listener to the engine: how the project gives every model's tasks the same
 * behaviour (validation, who completed it, what the form shows) without wiring in each model.
 */
public final class ParseListeners {

  private ParseListeners() {
  }

  /** Runs before the engine's own parsing of each element. */
  public static void before(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = new ArrayList<>(orEmpty(configuration.getCustomPreBPMNParseListeners()));
    listeners.add(listener);
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /** Runs after the engine has parsed each element (its behaviour and task definition exist). */
  public static void after(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = new ArrayList<>(orEmpty(configuration.getCustomPostBPMNParseListeners()));
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private static List<BpmnParseListener> orEmpty(List<BpmnParseListener> listeners) {
    return listeners == null ? List.of() : listeners;
  }
}

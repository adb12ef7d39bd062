package nl.blijvendveilig.platform;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * What a feature sets up once the engine is built (users, authorizations, Tasklist filters, checks
 * that refuse to start): a Spring bean implementing it is called by {@link EngineReadyPlugin}, in the
 * order of the beans ({@code @Order}, then as Spring registered them).
 */
public interface EngineReady {

  void engineReady(ProcessEngine engine);
}

package nl.blijvendveilig.platform;

/**
 * How the project gives every model's elements the same behaviour (validation, who completed a task,
 * what its form shows, grants that come and go with a task) without wiring in each model: a Spring
 * bean implementing it is shown each element of every model when the model is deployed, and adds
 * listeners to it ({@link ModelElement}, Camunda's public listener types). {@link ModelHooksPlugin}
 * calls the beans in their Spring order.
 */
public interface ModelHooks {

  /** A process of the model. */
  default void process(ModelElement process) {
  }

  /** A start event, of the process or of a subprocess. */
  default void startEvent(ModelElement startEvent) {
  }

  /** A user task. */
  default void userTask(ModelElement userTask) {
  }

  /** A boundary event (after the activity it is attached to). */
  default void boundaryEvent(ModelElement boundaryEvent) {
  }

  /**
   * Whether the hook sees the elements before the engine's own handling of them (its history and
   * metrics listeners then come after the hook's), rather than after (the task's behaviour exists).
   */
  default boolean beforeTheEngine() {
    return false;
  }
}

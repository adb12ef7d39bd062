package nl.blijvendveilig.platform;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * What a delegate does on behalf of the process, not of the worker whose completed task triggered
 * it: correlating a message to the case or moving its tasks must not depend on that worker's own
 * authorizations. The only place the project reaches into the engine's command context.
 */
public final class AsProcess {

  private AsProcess() {
  }

  public static <T> T run(Callable<T> work) {
    return Context.getCommandContext().runWithoutAuthorization(work);
  }

  public static void run(Runnable work) {
    run(() -> {
      work.run();
      return null;
    });
  }
}

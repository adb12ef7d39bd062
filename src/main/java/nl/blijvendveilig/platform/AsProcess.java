package nl.blijvendveilig.platform;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * What a delegate does on behalf of the process, not of the worker whose completed task triggered
 * it: correlating a message to the case or moving its tasks must not depend on that worker's own
 * authorizations. With {@link CurrentUser#inCommand()}, how the features outside this package reach
 * into the engine's command context.
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

  /**
   * Work that depends on what the current transaction leaves behind: run once it has committed, in a
   * transaction of its own, on behalf of the process (nothing runs if the transaction rolls back).
   */
  public static void afterCommit(Consumer<ProcessEngineServices> work) {
    ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> engine.getCommandExecutorTxRequiresNew().execute(context -> context.runWithoutAuthorization(() -> {
          work.accept(engine.getProcessEngine());
          return null;
        })));
  }
}

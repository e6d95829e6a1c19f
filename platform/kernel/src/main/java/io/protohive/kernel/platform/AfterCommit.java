package io.protohive.kernel.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;

/**
 * Work that must wait until the current transaction commits, such as telling other threads or nodes
 * about a change they will then read: before the commit they would not see it.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /** Runs the action once the current transaction commits, or now outside a transaction. */
  public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
    if (transactions.getTransactionKey() == null) {
      action.run();
      return;
    }
    whenEnded(
        transactions,
        committed -> {
          if (committed) {
            action.run();
          }
        });
  }

  /**
   * Runs the action once the current transaction ends without a commit: to undo what was done
   * outside the database for it, such as bytes written to a store.
   */
  public static void unlessCommitted(
      TransactionSynchronizationRegistry transactions, Runnable action) {
    whenEnded(
        transactions,
        committed -> {
          if (!committed) {
            action.run();
          }
        });
  }

  /** Runs the action once the current transaction ends, told whether it committed. */
  public static void whenEnded(
      TransactionSynchronizationRegistry transactions, Consumer<Boolean> action) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            action.accept(status == Status.STATUS_COMMITTED);
          }
        });
  }
}

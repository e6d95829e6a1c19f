package io.protohive.kernel.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** The registry as code outside a transaction sees it: there is none. */
public final class NoTransaction implements TransactionSynchronizationRegistry {

  @Override
  public Object getTransactionKey() {
    return null;
  }

  @Override
  public void putResource(Object key, Object value) {
    throw new IllegalStateException("no transaction");
  }

  @Override
  public Object getResource(Object key) {
    throw new IllegalStateException("no transaction");
  }

  @Override
  public void registerInterposedSynchronization(Synchronization sync) {
    throw new IllegalStateException("no transaction");
  }

  @Override
  public int getTransactionStatus() {
    return Status.STATUS_NO_TRANSACTION;
  }

  @Override
  public void setRollbackOnly() {
    throw new IllegalStateException("no transaction");
  }

  @Override
  public boolean getRollbackOnly() {
    throw new IllegalStateException("no transaction");
  }
}

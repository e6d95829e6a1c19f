package io.protohive.kernel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes together what several threads hand in at the same moment (a group commit). A thread that
 * finds no write under way writes everything waiting, its own item included; the threads that
 * arrive meanwhile wait for that write to end, and the first of them writes all that gathered. So a
 * lone writer waits for nobody, and under load one write carries many items instead of each waiting
 * for the one before it. Every caller returns once its own item is written, or throws what writing
 * it failed with: when a write of several fails, each of them is written again alone, so that one
 * item cannot cost the others theirs.
 */
final class GroupCommit<T> {

  private final Consumer<List<T>> writer;
  private final ReentrantLock writing = new ReentrantLock();
  private final Queue<Pending<T>> waiting = new ConcurrentLinkedQueue<>();

  /** One caller's item; its state is set and read under {@link #writing}. */
  private static final class Pending<T> {
    final T item;
    boolean settled;
    RuntimeException failure;

    Pending(T item) {
      this.item = item;
    }
  }

  GroupCommit(Consumer<List<T>> writer) {
    this.writer = writer;
  }

  /** Returns once the item is written. */
  void write(T item) {
    Pending<T> mine = new Pending<>(item);
    waiting.add(mine);
    writing.lock();
    try {
      // not settled: no writer took it from the queue yet, so it is in what this one takes
      if (!mine.settled) {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> next = waiting.poll(); next != null; next = waiting.poll()) {
          batch.add(next);
        }
        writeAll(batch);
      }
    } finally {
      writing.unlock();
    }
    if (mine.failure != null) {
      throw mine.failure;
    }
  }

  private void writeAll(List<Pending<T>> batch) {
    try {
      writer.accept(batch.stream().map(pending -> pending.item).toList());
      batch.forEach(pending -> pending.settled = true);
    } catch (RuntimeException together) {
      if (batch.size() == 1) {
        batch.get(0).failure = together;
      } else {
        for (Pending<T> pending : batch) {
          try {
            writer.accept(List.of(pending.item));
          } catch (RuntimeException alone) {
            pending.failure = alone;
          }
          pending.settled = true;
        }
      }
    } finally {
      for (Pending<T> pending : batch) {
        if (!pending.settled && pending.failure == null) {
          pending.failure = new IllegalStateException("the write stopped before this item");
        }
        pending.settled = true;
      }
    }
  }
}

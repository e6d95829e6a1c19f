package io.protohive.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Thread> writers = new CopyOnWriteArrayList<>();
  private int expected;

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void aLoneWriterWritesItsItemAtOnce() {
    List<List<String>> writes = new ArrayList<>();
    new GroupCommit<String>(writes::add).write("a");
    assertThat(writes).containsExactly(List.of("a"));
  }

  @Test
  void itemsHandedInDuringAWriteAreWrittenTogetherInTheirOrder() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<Integer>> writes = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<Integer> commit =
        new GroupCommit<>(
            items -> {
              if (items.contains(0)) {
                firstStarted.countDown();
                released(release);
              }
              writes.add(items);
            });
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> commit.write(0), threads);
    released(firstStarted);
    List<CompletableFuture<Void>> others = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      int item = i;
      others.add(writing(() -> commit.write(item)));
    }
    awaitAllWaiting();
    assertThat(writes).isEmpty();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> other : others) {
      other.get(10, TimeUnit.SECONDS);
    }
    assertThat(writes.get(0)).containsExactly(0);
    assertThat(writes).as("the 20 items that waited, in one write").hasSize(2);
    assertThat(writes.get(1)).hasSize(20).doesNotHaveDuplicates();
  }

  @Test
  void aFailingItemFailsAloneAndTheOthersAreWritten() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<String> commit =
        new GroupCommit<>(
            items -> {
              if (items.contains("first")) {
                firstStarted.countDown();
                released(release);
              }
              if (items.contains("bad")) {
                throw new IllegalArgumentException("bad item");
              }
              written.addAll(items);
            });
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> commit.write("first"), threads);
    released(firstStarted);
    List<CompletableFuture<Void>> good = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String item = "good " + i;
      good.add(writing(() -> commit.write(item)));
    }
    CompletableFuture<Void> bad = writing(() -> commit.write("bad"));
    awaitAllWaiting();
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> each : good) {
      each.get(10, TimeUnit.SECONDS);
    }
    assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("bad item");
    assertThat(written)
        .containsExactlyInAnyOrder("first", "good 0", "good 1", "good 2", "good 3", "good 4");
  }

  @Test
  void aFailedWriteIsThrownToItsWriter() {
    GroupCommit<String> commit =
        new GroupCommit<>(
            items -> {
              throw new IllegalStateException("database gone");
            });
    assertThatThrownBy(() -> commit.write("a")).hasMessage("database gone");
  }

  /** Writes on a thread of its own, which {@link #awaitAllWaiting} watches. */
  private CompletableFuture<Void> writing(Runnable write) {
    expected++;
    return CompletableFuture.runAsync(
        () -> {
          writers.add(Thread.currentThread());
          write.run();
        },
        threads);
  }

  /** Until every writer started by {@link #writing} waits for the write under way. */
  private void awaitAllWaiting() {
    await()
        .atMost(10, TimeUnit.SECONDS)
        .until(
            () ->
                writers.size() == expected
                    && writers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
  }

  private static void released(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the latch was not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

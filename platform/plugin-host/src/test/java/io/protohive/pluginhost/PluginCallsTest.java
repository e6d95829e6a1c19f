package io.protohive.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PluginCallsTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID OTHER_TENANT = UUID.randomUUID();
  private static final ClassLoader LOADER = PluginCallsTest.class.getClassLoader();

  private final CountDownLatch release = new CountDownLatch(1);
  private final PluginCalls calls = new PluginCalls("test", new PluginCalls.Limits(8, 2, 3));

  @AfterEach
  void stop() {
    release.countDown();
    calls.close();
  }

  @Test
  void runsWorkWithThePluginsClassLoader() throws Exception {
    ClassLoader plugin = new URLClassLoader(new URL[0], LOADER);
    try (PluginCalls.Call<ClassLoader> call =
        calls.start(
            "a", TENANT, plugin, cancelled -> Thread.currentThread().getContextClassLoader())) {
      assertThat(call.await(Duration.ofSeconds(5))).isSameAs(plugin);
    }
  }

  @Test
  void aStuckPluginIsRefusedMoreCallsButOtherPluginsAreNot() throws Exception {
    PluginCalls.Call<Object> first = calls.start("stuck", TENANT, LOADER, cancelled -> hang());
    PluginCalls.Call<Object> second = calls.start("stuck", TENANT, LOADER, cancelled -> hang());

    assertThatThrownBy(() -> calls.start("stuck", OTHER_TENANT, LOADER, cancelled -> "x"))
        .isInstanceOf(PluginCalls.Refused.class)
        .hasMessageContaining("stuck is busy");
    try (PluginCalls.Call<String> other = calls.start("b", TENANT, LOADER, cancelled -> "ok")) {
      assertThat(other.await(Duration.ofSeconds(5))).isEqualTo("ok");
    }
    first.close();
    second.close();
  }

  @Test
  void aTenantThatFloodsIsRefusedButOtherTenantsAreNot() throws Exception {
    for (String plugin : new String[] {"a", "b", "c"}) {
      calls.start(plugin, TENANT, LOADER, cancelled -> hang());
    }

    assertThatThrownBy(() -> calls.start("d", TENANT, LOADER, cancelled -> "x"))
        .isInstanceOf(PluginCalls.Refused.class)
        .hasMessageContaining("for this tenant");
    try (PluginCalls.Call<String> other =
        calls.start("d", OTHER_TENANT, LOADER, cancelled -> "ok")) {
      assertThat(other.await(Duration.ofSeconds(5))).isEqualTo("ok");
    }
  }

  @Test
  void aCallAbandonedAtItsDeadlineHoldsItsPlaceUntilTheWorkReturns() throws Exception {
    CountDownLatch ignoresInterrupts = new CountDownLatch(1);
    PluginCalls.Call<Object> call =
        calls.start(
            "slow",
            TENANT,
            LOADER,
            cancelled -> {
              while (ignoresInterrupts.getCount() > 0) {
                Thread.onSpinWait();
              }
              return null;
            });
    try (call) {
      assertThatThrownBy(() -> call.await(Duration.ofMillis(50)))
          .isInstanceOf(TimeoutException.class);
    }
    assertThat(call.isCancelled()).isTrue();
    assertThat(calls.open("slow")).isEqualTo(1);

    ignoresInterrupts.countDown();
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.open("slow") == 0);
  }

  @Test
  void anOpenStreamHoldsItsPlaceAfterItsWorkReturnedUntilItsCallerCloses() throws Exception {
    PluginCalls.Call<String> stream = calls.start("llm", TENANT, LOADER, cancelled -> "started");
    assertThat(stream.await(Duration.ofSeconds(5))).isEqualTo("started");
    assertThat(calls.open("llm")).isEqualTo(1);

    stream.close();
    stream.close();

    assertThat(calls.open("llm")).isZero();
  }

  @Test
  void cancellingAPluginsCallsRaisesTheirFlagAndEndsTheirWait() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    PluginCalls.Call<Object> call =
        calls.start(
            "replaced",
            TENANT,
            LOADER,
            cancelled -> {
              running.countDown();
              return hang();
            });
    running.await();

    calls.cancel("replaced");

    assertThat(call.isCancelled()).isTrue();
    assertThatThrownBy(() -> call.await(Duration.ofSeconds(5)))
        .isInstanceOf(CancellationException.class);
    call.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> calls.open("replaced") == 0);
  }

  private Object hang() throws InterruptedException {
    release.await();
    return null;
  }
}

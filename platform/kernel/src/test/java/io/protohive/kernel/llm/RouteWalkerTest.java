package io.protohive.kernel.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.llm.FakeProvider.Answer;
import io.protohive.kernel.llm.FakeProvider.Fail;
import io.protohive.kernel.llm.FakeProvider.FailAfterFirstWord;
import io.protohive.kernel.llm.FakeProvider.Hang;
import io.protohive.plugin.api.Configuration;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's fallback, retries, circuit breakers, budgets and metering, against fake providers
 * on the plugin host's real call path, without a server or a database.
 */
class RouteWalkerTest {

  private static final Duration OPEN_FOR = Duration.ofSeconds(30);
  private static final RouteWalker.Limits LIMITS =
      new RouteWalker.Limits(2, Duration.ofMillis(400), Duration.ofMillis(300));
  private static final RouteStep PRIMARY = new RouteStep("primary", "p-1");
  private static final RouteStep FALLBACK = new RouteStep("fallback", "f-1");
  private static final String API_KEY = "sk-secret-key-4242";
  // "What is the capital?" is 20 characters: 6 tokens by estimate, plus the 100-token limit
  private static final ChatRequest REQUEST =
      ChatRequest.builder()
          .messages(UserMessage.from("What is the capital?"))
          .maxOutputTokens(100)
          .build();
  private static final long ESTIMATE = 6 + 100;

  private final UUID tenant = UUID.randomUUID();
  private final CallScope scope = CallScope.tenant(tenant);
  private final FakeProvider primary = new FakeProvider("primary");
  private final FakeProvider fallback = new FakeProvider("fallback");
  private final TestClock clock = new TestClock();
  private final List<UsageMeter.Metered> metered = new CopyOnWriteArrayList<>();
  private final List<Integer> pauses = Collections.synchronizedList(new ArrayList<>());
  private PluginCalls path;
  private InMemoryLedger ledger;
  private RouteWalker walker;

  @BeforeEach
  void gateway() {
    path = new PluginCalls("llm-call-test", new PluginCalls.Limits(8, 8, 8));
    withBudget(1_000_000);
  }

  private void withBudget(long tokens) {
    ledger = new InMemoryLedger(tokens, metered);
    walker =
        new RouteWalker(
            new ModelCalls(path),
            new CircuitBreakers(OPEN_FOR, clock),
            ledger,
            RouteWalkerTest::price,
            pauses::add);
  }

  @AfterEach
  void stop() {
    primary.release();
    fallback.release();
    path.close();
  }

  /** The primary costs 2 micros a prompt token and 3 a completion token; the fallback 1 and 1. */
  private static long price(String providerId, String model, long prompt, long completion) {
    return providerId.equals("primary") ? prompt * 2 + completion * 3 : prompt + completion;
  }

  @Test
  void thePrimaryAnswersAndTheCallIsMeteredAndSettledAsTheProviderReported() {
    primary.then(new Answer("Paris.", 17, 3));

    ChatResponse response = chat(PRIMARY, FALLBACK);

    assertThat(response.aiMessage().text()).isEqualTo("Paris.");
    assertThat(fallback.calls()).isZero();
    assertThat(metered)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.step()).isEqualTo(PRIMARY);
              assertThat(m.outcome()).isEqualTo(CallOutcome.OK);
              assertThat(m.streamed()).isFalse();
              assertThat(m.promptTokens()).isEqualTo(17);
              assertThat(m.completionTokens()).isEqualTo(3);
              assertThat(m.costMicros()).isEqualTo(17 * 2 + 3 * 3);
            });
    assertThat(ledger.reservations)
        .containsExactly(new InMemoryLedger.Reserved(ESTIMATE, 6 * 2 + 100 * 3));
    assertThat(ledger.settlements).containsExactly(new InMemoryLedger.Settled(20, 17 * 2 + 3 * 3));
    assertThat(ledger.spent()).isEqualTo(20);
    assertThat(ledger.reserved()).isZero();
  }

  @Test
  void serverErrorsFallBackToTheNextStepAfterARetryWithBackoff() {
    primary.then(
        new Fail(new InternalServerException("500")), new Fail(new InternalServerException("503")));
    fallback.then(new Answer("Rome.", 5, 2));

    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text()).isEqualTo("Rome.");

    assertThat(primary.calls()).as("two attempts, then the fallback").isEqualTo(2);
    assertThat(pauses).as("one pause between the two attempts").containsExactly(1);
    assertThat(metered)
        .extracting(UsageMeter.Metered::step, UsageMeter.Metered::outcome)
        .containsExactly(
            tuple(PRIMARY, CallOutcome.FAILED),
            tuple(PRIMARY, CallOutcome.FAILED),
            tuple(FALLBACK, CallOutcome.OK));
    assertThat(ledger.settlements).containsExactly(new InMemoryLedger.Settled(7, 5 + 2));
  }

  @Test
  void aRateLimitIsRetriedOnTheSameStep() {
    primary.then(new Fail(new RateLimitException("429")), new Answer("after it", 1, 1));

    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text()).isEqualTo("after it");

    assertThat(primary.calls()).isEqualTo(2);
    assertThat(fallback.calls()).isZero();
  }

  @Test
  void aStepThatDoesNotAnswerInTimeFallsBack() {
    primary.byDefault(new Hang());
    fallback.then(new Answer("in time", 1, 1));

    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text()).isEqualTo("in time");

    assertThat(metered)
        .extracting(UsageMeter.Metered::outcome)
        .containsExactly(CallOutcome.TIMED_OUT, CallOutcome.TIMED_OUT, CallOutcome.OK);
    assertThat(metered.get(0).latency()).isGreaterThanOrEqualTo(LIMITS.callTimeout());
  }

  @Test
  void aRequestTheProviderRejectsEndsTheCallAndLeavesTheCircuitClosed() {
    primary.byDefault(
        new Fail(new InvalidRequestException("This model's maximum context length is 8 tokens.")));

    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> chat(PRIMARY, FALLBACK))
          .isInstanceOf(LlmUnavailable.class)
          .hasMessageContaining("maximum context length");
    }

    assertThat(primary.calls()).as("no retry, and no open circuit").isEqualTo(4);
    assertThat(fallback.calls()).isZero();
    assertThat(pauses).isEmpty();
    assertThat(ledger.settlements).containsOnly(new InMemoryLedger.Settled(0, 0));
    assertThat(ledger.reserved()).isZero();
  }

  @Test
  void aStepWhosePluginIsNotOnIsSkipped() {
    RouteStep off = new RouteStep("off", "o-1");
    primary.then(new Answer("from the primary", 1, 1));

    assertThat(chat(off, PRIMARY).aiMessage().text()).isEqualTo("from the primary");
  }

  @Test
  void whenNoStepAnswersTheCallFailsNamingEveryStepAndUsesNothing() {
    primary.byDefault(new Fail(new InternalServerException("down for maintenance")));
    fallback.byDefault(new Fail(new InternalServerException("down as well")));

    assertThatThrownBy(() -> chat(new RouteStep("off", "o-1"), PRIMARY, FALLBACK))
        .isInstanceOf(LlmUnavailable.class)
        .hasMessageContaining("off is not enabled")
        .hasMessageContaining("primary/p-1: InternalServerException: down for maintenance")
        .hasMessageContaining("fallback/f-1: InternalServerException: down as well");
    assertThat(ledger.settlements).containsExactly(new InMemoryLedger.Settled(0, 0));
    assertThat(ledger.spent()).isZero();
    assertThat(ledger.reserved()).isZero();
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesAfterASuccessfulTrial() {
    primary.then(
        new Fail(new InternalServerException("500")), new Fail(new InternalServerException("500")));
    chat(PRIMARY, FALLBACK);
    assertThat(primary.calls()).isEqualTo(2);

    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text()).isEqualTo("default answer");
    assertThat(primary.calls()).as("skipped while open").isEqualTo(2);
    assertThat(metered.get(3).outcome()).isEqualTo(CallOutcome.CIRCUIT_OPEN);
    assertThat(metered.get(3).latency()).isZero();
    assertThat(chatFor(UUID.randomUUID(), PRIMARY, FALLBACK).aiMessage().text())
        .as("another tenant's circuit is its own")
        .isEqualTo("default answer");
    assertThat(primary.calls()).isEqualTo(3);

    primary.byDefault(new Answer("back again", 1, 1));
    clock.advance(OPEN_FOR.plusSeconds(1));
    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text())
        .as("the trial call after the pause")
        .isEqualTo("back again");
    assertThat(chat(PRIMARY, FALLBACK).aiMessage().text()).isEqualTo("back again");
    assertThat(primary.calls()).isEqualTo(5);
  }

  @Test
  void aFailedTrialOpensTheCircuitAgain() {
    primary.byDefault(new Fail(new InternalServerException("500")));
    chat(PRIMARY, FALLBACK);
    clock.advance(OPEN_FOR.plusSeconds(1));

    chat(PRIMARY, FALLBACK);
    assertThat(primary.calls()).as("one trial only").isEqualTo(3);
    assertThat(metered.get(metered.size() - 2).outcome()).isEqualTo(CallOutcome.CIRCUIT_OPEN);

    chat(PRIMARY, FALLBACK);
    assertThat(primary.calls()).as("open again").isEqualTo(3);
  }

  @Test
  void aCallWithoutRoomInTheBudgetIsRefusedBeforeItIsSent() {
    withBudget(2 * ESTIMATE + 10);
    primary.byDefault(new Answer("ok", 6, 100));

    chat(PRIMARY);
    chat(PRIMARY);
    assertThat(ledger.spent()).isEqualTo(2 * ESTIMATE);

    assertThatThrownBy(() -> chat(PRIMARY)).isInstanceOf(BudgetExhausted.class);
    assertThat(primary.calls()).isEqualTo(2);
    assertThat(metered).hasSize(2);
    assertThat(ledger.settlements).hasSize(2);
    assertThat(ledger.reserved()).isZero();
  }

  @Test
  void aSecretTheProviderEchoesIsBlankedOut() {
    primary.byDefault(new Fail(new InvalidRequestException("Incorrect API key " + API_KEY)));

    assertThatThrownBy(() -> chat(PRIMARY))
        .isInstanceOf(LlmUnavailable.class)
        .hasMessageContaining("Incorrect API key ***")
        .hasMessageNotContaining(API_KEY);
  }

  @Test
  void anAnswerStreamsInOrderAndIsMeteredAsStreamed() {
    primary.then(new Answer("one two three", 4, 3));
    List<String> tokens = new CopyOnWriteArrayList<>();

    ChatResponse response = stream(tokens::add, () -> false, PRIMARY, FALLBACK);

    assertThat(response.aiMessage().text()).isEqualTo("one two three");
    assertThat(tokens).containsExactly("one ", "two ", "three");
    assertThat(metered)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.streamed()).isTrue();
              assertThat(m.firstToken()).isNotNull();
              assertThat(m.promptTokens()).isEqualTo(4);
            });
  }

  @Test
  void aStreamThatFailsAfterItsFirstTokenIsNeitherRetriedNorReplaced() {
    primary.then(new FailAfterFirstWord("Par", new InternalServerException("connection reset")));
    List<String> tokens = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> stream(tokens::add, () -> false, PRIMARY, FALLBACK))
        .isInstanceOf(LlmUnavailable.class)
        .hasMessageContaining("connection reset");
    assertThat(tokens).containsExactly("Par");
    assertThat(primary.calls()).isEqualTo(1);
    assertThat(fallback.calls()).isZero();
  }

  @Test
  void aStreamWithoutAFirstTokenInTimeIsRetriedAndFallsBack() {
    primary.byDefault(new Hang());
    fallback.then(new Answer("quick", 1, 1));

    assertThat(stream(token -> {}, () -> false, PRIMARY, FALLBACK).aiMessage().text())
        .isEqualTo("quick");

    assertThat(primary.calls()).isEqualTo(2);
    assertThat(metered)
        .extracting(UsageMeter.Metered::outcome)
        .containsExactly(CallOutcome.TIMED_OUT, CallOutcome.TIMED_OUT, CallOutcome.OK);
    assertThat(metered.get(0).latency()).isLessThan(LIMITS.callTimeout());
  }

  @Test
  void aCancelledStreamStopsTheCall() {
    primary.byDefault(new Hang());

    assertThatThrownBy(() -> stream(token -> {}, () -> primary.calls() > 0, PRIMARY, FALLBACK))
        .isInstanceOf(CancellationException.class);

    assertThat(primary.calls()).isEqualTo(1);
    assertThat(fallback.calls()).isZero();
    assertThat(metered)
        .extracting(UsageMeter.Metered::outcome)
        .containsExactly(CallOutcome.CANCELLED);
    assertThat(ledger.reserved()).isZero();
  }

  @Test
  void aStreamIsFollowedWithoutTheCallersThreadAndItsLimitsStillHold() {
    primary.byDefault(new Hang());
    fallback.then(new Answer("in time", 1, 1));
    List<String> pieces = new CopyOnWriteArrayList<>();

    CompletableFuture<ChatResponse> answer =
        walker.walkAsync(
            scope,
            List.of(PRIMARY, FALLBACK),
            this::bind,
            LIMITS,
            REQUEST,
            pieces::add,
            () -> false);

    assertThat(answer).as("the walk returned while the primary hangs").isNotDone();
    assertThat(answer.join().aiMessage().text()).isEqualTo("in time");
    assertThat(pieces).containsExactly("in ", "time");
    assertThat(metered)
        .extracting(UsageMeter.Metered::outcome)
        .containsExactly(CallOutcome.TIMED_OUT, CallOutcome.TIMED_OUT, CallOutcome.OK);
    assertThat(metered.get(0).latency()).isGreaterThanOrEqualTo(LIMITS.firstTokenTimeout());
    assertThat(ledger.reserved()).isZero();
  }

  private ChatResponse chat(RouteStep... route) {
    return chatFor(tenant, route);
  }

  private ChatResponse chatFor(UUID tenantId, RouteStep... route) {
    return walker.walk(
        CallScope.tenant(tenantId), List.of(route), this::bind, LIMITS, REQUEST, null, () -> false);
  }

  private ChatResponse stream(
      Consumer<String> tokens, BooleanSupplier cancelled, RouteStep... route) {
    return walker.walk(scope, List.of(route), this::bind, LIMITS, REQUEST, tokens, cancelled);
  }

  /** The primary and the fallback are on; any other provider is not. */
  private RouteWalker.BoundStep bind(RouteStep step) {
    FakeProvider provider =
        switch (step.providerId()) {
          case "primary" -> primary;
          case "fallback" -> fallback;
          default -> null;
        };
    if (provider == null) {
      return null;
    }
    return new RouteWalker.BoundStep(
        new PluginProvider("plugin." + provider.id(), provider, getClass().getClassLoader()),
        Configuration.of(Map.of("apiKey", API_KEY)));
  }
}

package io.protohive.kernel.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlatformTracesTest {

  private static final String INVALID = "0".repeat(32);

  private final PlatformTraces traces = new PlatformTraces();

  @BeforeEach
  void startWithoutEndpoint() {
    traces.endpoint = Optional.empty();
    traces.serviceName = "protohive";
    traces.exportInterval = Duration.ofSeconds(5);
    traces.exportTimeout = Duration.ofSeconds(10);
    traces.start();
  }

  @AfterEach
  void stop() {
    traces.stop();
  }

  @Test
  void everyRequestAndJobHasATraceIdOfItsOwnWithoutAnEndpoint() {
    String first;
    try (PlatformTraces.Work request = traces.request("GET", "/api/v1/me", header -> null)) {
      first = request.traceId();
      assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(INVALID);
      assertThat(request.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("0".repeat(16));
    }
    try (PlatformTraces.Work request = traces.request("GET", "/api/v1/me", header -> null)) {
      assertThat(request.traceId()).isNotEqualTo(INVALID).isNotEqualTo(first);
    }
    PlatformTraces.Work job = traces.job("agent.turn", UUID.randomUUID(), null, null);
    try {
      assertThat(job.traceId()).isNotEqualTo(INVALID).isNotEqualTo(first);
    } finally {
      job.detach();
      job.end();
    }
  }

  @Test
  void aRequestContinuesTheCallersTrace() {
    String trace = "0af7651916cd43dd8448eb211c80319c";
    Map<String, String> headers = Map.of("traceparent", "00-" + trace + "-b7ad6b7169203331-01");
    try (PlatformTraces.Work request = traces.request("GET", "/api/v1/me", headers::get)) {
      assertThat(request.traceId()).isEqualTo(trace);
      assertThat(request.spanId()).isNotEqualTo("b7ad6b7169203331");
    }
  }

  @Test
  void aJobQueuedInARequestNamesTheRequestsSpanAsItsCause() {
    assertThat(PlatformTraces.cause()).as("outside any span").isNull();
    String cause;
    String request;
    try (PlatformTraces.Work work = traces.request("POST", "/api/v1/messages", header -> null)) {
      cause = PlatformTraces.cause();
      request = work.traceId();
      assertThat(cause).startsWith("00-" + request + "-" + work.spanId() + "-");
    }
    PlatformTraces.Work job = traces.job("agent.turn", UUID.randomUUID(), null, cause);
    try {
      assertThat(job.traceId()).as("a trace of its own").isNotEqualTo(request);
    } finally {
      job.detach();
      job.end();
    }
  }
}

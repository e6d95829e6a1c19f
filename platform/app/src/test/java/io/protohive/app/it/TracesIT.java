package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The spans the server exports over OTLP/HTTP reach a receiver on loopback, decoded with
 * OpenTelemetry's own protocol buffers: a request's span continues the caller's trace and is named
 * by its route, with its database transactions as its children; an agent's run is one trace whose
 * model calls and tool call are its children, with the GenAI conventions' attributes. Every other
 * test runs while nothing listens on the endpoint.
 */
@ExtendWith(ArquillianExtension.class)
class TracesIT {

  private static final int PORT = Integer.getInteger("it.otlp.port", 9393);

  private static final List<Span> SPANS = new CopyOnWriteArrayList<>();

  private static HttpServer receiver;
  private static MisbehavingMcpServer mcp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void listen() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          try (exchange) {
            ExportTraceServiceRequest request =
                ExportTraceServiceRequest.parseFrom(exchange.getRequestBody());
            for (ResourceSpans resource : request.getResourceSpansList()) {
              for (ScopeSpans scope : resource.getScopeSpansList()) {
                SPANS.addAll(scope.getSpansList());
              }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
          }
        });
    receiver.start();
    mcp = MisbehavingMcpServer.start("Traced.");
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    mcp.close();
  }

  @Test
  void aRequestContinuesTheCallersTraceAndARunIsOneTraceOfItsModelAndToolCalls() throws Exception {
    Team team = Team.of("traced", "disk");
    assertThat(McpIT.register(team.owner, "calm", mcp.url(), null).statusCode()).isEqualTo(201);
    String agent =
        team.scriptedAgent(
            "{\"name\":\"Tracer\",\"role\":\"Repeats\",\"tools\":[\"mcp.calm.echo\"]}",
            McpFaultsIT.planned(
                "call: mcp_calm_echo {\"message\":\"traced words\"}", "say: All traced."));
    String conversation = team.conversation(agent, team.owner);
    String trace = hex(16);
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation + "/messages",
            "{\"content\":\"Repeat after me.\"}",
            team.owner[0],
            team.owner[1],
            "traceparent",
            "00-" + trace + "-" + hex(8) + "-01");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    assertThat(posted.headers().firstValue("X-Request-Id")).contains(trace);
    String run = Platform.json(posted).get("runId").asText();
    JsonNode finished =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> Platform.json(Platform.get("api/v1/runs/" + run, team.owner)),
                found -> !found.get("status").asText().equals("RUNNING"));
    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");

    Span request =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> named("POST /api/v1/conversations/{conversationId}/messages", trace),
                Optional::isPresent)
            .orElseThrow();
    assertThat(attribute(request, "http.route"))
        .isEqualTo("/api/v1/conversations/{conversationId}/messages");
    assertThat(attribute(request, "http.response.status_code")).isEqualTo("202");
    assertThat(request.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    List<Span> transactions =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    childrenOf(request).stream()
                        .filter(span -> "postgresql".equals(attribute(span, "db.system.name")))
                        .toList(),
                found ->
                    found.stream()
                        .anyMatch(span -> "tenant".equals(attribute(span, "protohive.db.scope"))));
    for (Span transaction : transactions) {
      assertThat(transaction.getName()).matches("db (read|[A-Z][A-Za-z]+\\.[a-z][A-Za-z]+)");
      assertThat(transaction.getEndTimeUnixNano())
          .isGreaterThan(transaction.getStartTimeUnixNano());
    }

    Span turn =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> withAttribute("protohive.run.id", run), Optional::isPresent)
            .orElseThrow();
    assertThat(turn.getName()).isEqualTo("invoke_agent Tracer");
    assertThat(attribute(turn, "gen_ai.operation.name")).isEqualTo("invoke_agent");
    assertThat(attribute(turn, "gen_ai.agent.id")).isEqualTo(agent);
    assertThat(attribute(turn, "gen_ai.conversation.id")).isEqualTo(conversation);
    assertThat(turn.getTraceId())
        .as("the run is a trace of its own")
        .isNotEqualTo(request.getTraceId());
    assertThat(turn.getLinksList())
        .as("linked to the request that queued it")
        .anySatisfy(
            link -> {
              assertThat(link.getTraceId()).isEqualTo(request.getTraceId());
              assertThat(link.getSpanId()).isEqualTo(request.getSpanId());
            });

    List<Span> children =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> childrenOf(turn), found -> found.size() >= 3);
    List<Span> chats =
        children.stream().filter(span -> span.getName().equals("chat scripted-1")).toList();
    assertThat(chats).as(children.toString()).hasSize(2);
    for (Span chat : chats) {
      assertThat(chat.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
      assertThat(attribute(chat, "gen_ai.operation.name")).isEqualTo("chat");
      assertThat(attribute(chat, "gen_ai.provider.name")).isEqualTo("scripted");
      assertThat(attribute(chat, "gen_ai.request.model")).isEqualTo("scripted-1");
      assertThat(Long.parseLong(attribute(chat, "gen_ai.usage.input_tokens"))).isPositive();
      assertThat(Long.parseLong(attribute(chat, "gen_ai.usage.output_tokens"))).isPositive();
      assertThat(attribute(chat, "protohive.cost.micros")).isNotNull();
      assertThat(chat.getEndTimeUnixNano()).isGreaterThan(chat.getStartTimeUnixNano());
    }
    Span tool =
        children.stream()
            .filter(span -> span.getName().startsWith("execute_tool "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(children.toString()));
    assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
    assertThat(attribute(tool, "gen_ai.tool.name")).contains("echo");
    assertThat(attribute(tool, "protohive.outcome")).isEqualTo("OK");
  }

  private static Optional<Span> named(String name, String traceId) {
    return SPANS.stream()
        .filter(span -> span.getName().equals(name))
        .filter(span -> hex(span.getTraceId().toByteArray()).equals(traceId))
        .findFirst();
  }

  private static Optional<Span> withAttribute(String key, String value) {
    return SPANS.stream().filter(span -> value.equals(attribute(span, key))).findFirst();
  }

  private static List<Span> childrenOf(Span parent) {
    return SPANS.stream()
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .toList();
  }

  /** The attribute's value as text, or null when the span has none by that key. */
  private static String attribute(Span span, String key) {
    for (KeyValue attribute : span.getAttributesList()) {
      if (attribute.getKey().equals(key)) {
        AnyValue value = attribute.getValue();
        return value.hasIntValue()
            ? Long.toString(value.getIntValue())
            : value.hasStringValue() ? value.getStringValue() : value.toString();
      }
    }
    return null;
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return hex(random);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}

package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's log is JSON lines, and what the platform writes while it serves a request carries
 * the request's id (the caller's trace id), tenant and user; the person's email is in no log.
 */
@ExtendWith(ArquillianExtension.class)
class JsonLogsIT {

  private static final String OPENAI = "io.protohive.plugins.llm-openai";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aRequestsLogLinesCarryItsTraceTenantAndUser() throws Exception {
    PluginsApi.TenantAdmin admin = PluginsApi.newTenantAdminAccount("logs");
    String apiKey = "sk-logs-" + UUID.randomUUID();
    // the vendor fails every call: the gateway logs that it did while it serves the request
    try (OpenAiFakeServer vendor =
        new OpenAiFakeServer()
            .requireApiKey(apiKey)
            .replyByDefault(OpenAiReply.error(500, "down", "server_error", null))) {
      assertThat(
              PluginsApi.configure(
                      OPENAI,
                      JSON.writeValueAsString(
                          Map.of(
                              "enabled",
                              true,
                              "config",
                              Map.of(
                                  "apiKey",
                                  apiKey,
                                  "baseUrl",
                                  vendor.apiBaseUrl(),
                                  "models",
                                  "gpt-fake"))),
                      admin.bearer())
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              Platform.send(
                      "PUT",
                      "api/v1/tenant/llm-route",
                      "{\"steps\":[{\"providerId\":\"openai\",\"model\":\"gpt-fake\"}]}",
                      admin.bearer())
                  .statusCode())
          .isEqualTo(200);
      failingCallIsLoggedWithItsContext(admin, apiKey);
    }
  }

  private void failingCallIsLoggedWithItsContext(PluginsApi.TenantAdmin admin, String apiKey)
      throws Exception {
    String organization =
        Platform.json(Platform.post("api/v1/organizations", "{\"name\":\"Logs\"}", admin.bearer()))
            .get("id")
            .asText();
    JsonNode me = Platform.json(Platform.get("api/v1/me", admin.bearer()));
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String[] headers = {
      admin.bearer()[0], admin.bearer()[1], "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"
    };

    HttpResponse<String> failed =
        Platform.post(
            "api/v1/llm/chat",
            "{\"organizationId\":\""
                + organization
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            headers);

    assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(500);
    assertThat(failed.headers().firstValue("X-Request-Id")).hasValue(traceId);
    List<JsonNode> lines = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              lines.clear();
              lines.addAll(logLines());
              return lines.stream()
                  .anyMatch(line -> traceId.equals(line.path("ext_requestId").asText()));
            });
    JsonNode logged =
        lines.stream()
            .filter(line -> traceId.equals(line.path("ext_requestId").asText()))
            .filter(line -> line.path("message").asText().contains("gpt-fake failed"))
            .findFirst()
            .orElseThrow();
    assertThat(logged.path("ext_tenantId").asText()).isEqualTo(me.get("tenant").get("id").asText());
    assertThat(logged.path("ext_userId").asText()).isEqualTo(me.get("id").asText());
    assertThat(logged.path("loglevel").asText()).isEqualTo("WARNING");
    assertThat(
            Platform.get("api/v1/me", admin.bearer())
                .headers()
                .firstValue("X-Request-Id")
                .orElseThrow())
        .as("a request without a trace gets an id of its own")
        .matches("[0-9a-f]{32}")
        .isNotEqualTo("0".repeat(32))
        .isNotEqualTo(traceId);
    Platform.assertNotLogged(admin.email());
    Platform.assertNotLogged(apiKey);
  }

  /**
   * The lines of messages.log once it turns to JSON, each of which must be a JSON object: the
   * server's banner and its first lines come before it reads its logging configuration.
   */
  private static List<JsonNode> logLines() throws IOException {
    List<String> all = Files.readAllLines(Platform.LOGS.resolve("messages.log"));
    List<JsonNode> lines = new ArrayList<>();
    boolean json = false;
    for (String line : all) {
      json |= line.startsWith("{");
      if (json) {
        JsonNode parsed = JSON.readTree(line);
        assertThat(parsed.isObject()).as(line).isTrue();
        lines.add(parsed);
      }
    }
    assertThat(lines.size()).as("JSON lines of %d", all.size()).isGreaterThan(all.size() / 2);
    return lines;
  }
}

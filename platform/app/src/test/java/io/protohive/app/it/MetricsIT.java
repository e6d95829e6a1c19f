package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator's Prometheus reads {@code /metrics} without signing in: the platform's model calls
 * per provider, tool calls per plugin, job queue, sockets, plugins and cluster beside Liberty's
 * request metrics, and nothing that names a tenant, a person or an organization.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final URI METRICS = Platform.BASE.resolve("metrics");

  private PluginsApi.TenantAdmin admin;
  private String organization;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithTheScriptedModelAndTheClock() throws Exception {
    admin = PluginsApi.newTenantAdminAccount("observed");
    assertThat(PluginsApi.configure(SCRIPTED, "{\"enabled\":true}", admin.bearer()).statusCode())
        .isEqualTo(200);
    assertThat(
            PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", admin.bearer())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> route =
        Platform.send(
            "PUT",
            "api/v1/tenant/llm-route",
            "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
            admin.bearer());
    assertThat(route.statusCode()).as(route.body()).isEqualTo(200);
    HttpResponse<String> created =
        Platform.post("api/v1/organizations", "{\"name\":\"Observed\"}", admin.bearer());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    organization = Platform.json(created).get("id").asText();
  }

  @Test
  void aModelCallAndAToolCallAreCountedPerProviderAndPlugin() throws Exception {
    String before = Metrics.scrape(METRICS);

    HttpResponse<String> chat =
        Platform.post(
            "api/v1/llm/chat",
            "{\"organizationId\":\""
                + organization
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"How are we doing?\"}]}",
            admin.bearer());
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    HttpResponse<String> tool =
        PluginsApi.invokeFor(organization, "clock.now", "{}", admin.bearer());
    assertThat(tool.statusCode()).as(tool.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              String after = Metrics.scrape(METRICS);
              assertIncreased(
                  before,
                  after,
                  "protohive_llm_calls_total",
                  "provider=\"scripted\"",
                  "outcome=\"OK\"");
              assertIncreased(
                  before,
                  after,
                  "protohive_llm_tokens_total",
                  "provider=\"scripted\"",
                  "kind=\"completion\"");
              assertIncreased(
                  before,
                  after,
                  "protohive_llm_call_duration_seconds_count",
                  "provider=\"scripted\"");
              assertThat(
                      Metrics.value(
                          after, "protohive_llm_cost_micros_total", "provider=\"scripted\""))
                  .isNotNaN();
              assertIncreased(
                  before,
                  after,
                  "protohive_tool_calls_total",
                  "plugin=\"" + PluginsApi.CLOCK_ID + "\"",
                  "status=\"OK\"");
              assertIncreased(
                  before,
                  after,
                  "protohive_tool_call_duration_seconds_count",
                  "plugin=\"" + PluginsApi.CLOCK_ID + "\"");
              // Liberty's own, per route and per REST method
              assertIncreased(
                  before,
                  after,
                  "http_server_request_duration_seconds_count",
                  "http_route=\"/api/v1/llm/chat\"",
                  "http_response_status_code=\"200\"");
              assertIncreased(before, after, "REST_request_seconds_count", "LlmResource");
            });
  }

  @Test
  void theNodesStateIsReadWhenScraped() throws Exception {
    String metrics = Metrics.scrape(METRICS);

    assertThat(Metrics.value(metrics, "protohive_jobs_due")).isNotNaN().isNotNegative();
    assertThat(Metrics.value(metrics, "protohive_jobs_oldest_due_seconds"))
        .isNotNaN()
        .isNotNegative();
    assertThat(Metrics.value(metrics, "protohive_plugins", "state=\"ACTIVE\""))
        .isGreaterThanOrEqualTo(PluginsApi.bundledCount());
    assertThat(Metrics.value(metrics, "protohive_plugins", "state=\"INSTALLED\"")).isNotNaN();
    assertThat(Metrics.value(metrics, "protohive_cluster_members")).isEqualTo(1);
  }

  @Test
  void anOpenSocketIsCountedUntilItCloses() throws Exception {
    double before = Metrics.value(Metrics.scrape(METRICS), "protohive_sockets_open");

    SocketIT.Frames socket = SocketIT.connect(admin.bearer()[1].substring("Bearer ".length()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Metrics.value(Metrics.scrape(METRICS), "protohive_sockets_open"))
                    .isEqualTo(before + 1));
    socket.close();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(Metrics.value(Metrics.scrape(METRICS), "protohive_sockets_open"))
                    .isEqualTo(before));
  }

  @Test
  void noMetricNamesATenantAPersonOrAnOrganization() throws Exception {
    HttpResponse<String> chat =
        Platform.post(
            "api/v1/llm/chat",
            "{\"organizationId\":\""
                + organization
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Anything new?\"}]}",
            admin.bearer());
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    assertThat(Platform.get("api/v1/organizations/" + organization, admin.bearer()).statusCode())
        .isEqualTo(200);
    JsonNode me = Platform.json(Platform.get("api/v1/me", admin.bearer()));

    String metrics = Metrics.scrape(METRICS);

    assertThat(metrics)
        .contains("protohive_llm_calls_total")
        .doesNotContain(me.get("tenant").get("id").asText())
        .doesNotContain(admin.tenant())
        .doesNotContain(me.get("id").asText())
        .doesNotContain(admin.email())
        .doesNotContain(organization);
  }

  private static void assertIncreased(
      String before, String after, String metric, String... labels) {
    double was = Metrics.value(before, metric, labels);
    double is = Metrics.value(after, metric, labels);
    assertThat(is)
        .as(metric + " " + String.join(",", labels))
        .isGreaterThan(Double.isNaN(was) ? 0 : was);
  }
}

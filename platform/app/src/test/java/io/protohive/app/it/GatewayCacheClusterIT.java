package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway reads a tenant's route and plugin settings, and the prices, from memory, and another
 * node's change of them takes effect here within a second. The test plays the other node: it
 * changes the rows in the shared database, as that node's transaction would, then announces the
 * change on the cluster's topic as a Hazelcast client. Until the announcement the server keeps
 * answering from memory, which shows the values are kept; after it, the change is read.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayCacheClusterIT {

  private static final String OPENAI = "io.protohive.plugins.llm-openai";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

  private OtherNode otherNode;
  private OpenAiFakeServer first;
  private OpenAiFakeServer second;
  private String[] admin;
  private String organization;
  private String tenantId;
  private final String apiKey = "sk-test-" + UUID.randomUUID();
  private final String model = "gpt-cached-" + UUID.randomUUID();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantAndOtherNode() throws Exception {
    otherNode = new OtherNode();
    first = new OpenAiFakeServer().requireApiKey(apiKey);
    second = new OpenAiFakeServer().requireApiKey(apiKey);
    first.replyByDefault(OpenAiReply.text("from the first", 1, 1));
    second.replyByDefault(OpenAiReply.text("from the second", 1, 1));
    admin = PluginsApi.newTenantAdmin("cached");
    HttpResponse<String> created =
        Platform.post("api/v1/organizations", "{\"name\":\"Cached\"}", admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    organization = Platform.json(created).get("id").asText();
    tenantId =
        PlatformIT.query("select tenant_id from organization where id = '" + organization + "'");
    configureOpenAi(first);
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted",
                    "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"0\"}}",
                    admin)
                .statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void leave() {
    otherNode.close();
    first.close();
    second.close();
  }

  @Test
  void aRouteChangedOnAnotherNodeTakesEffectWithinASecond() throws Exception {
    route("scripted", "scripted-1");
    assertThat(answer()).startsWith("This is the scripted");

    PlatformIT.execute(
        "update llm_route_step set provider_id = 'openai', model = '"
            + model
            + "' where tenant_id = '"
            + tenantId
            + "'");
    assertThat(answer()).as("kept in memory until told").startsWith("This is the scripted");

    announce(ClusterCaches.LLM_ROUTES, tenantId);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> answer().equals("from the first"));
  }

  @Test
  void aPluginSettingChangedOnAnotherNodeTakesEffectWithinASecond() throws Exception {
    route("openai", model);
    assertThat(answer()).isEqualTo("from the first");

    PlatformIT.execute(
        "update tenant_plugin set configuration = jsonb_set(configuration, '{baseUrl}', '\""
            + second.apiBaseUrl()
            + "\"') where tenant_id = '"
            + tenantId
            + "' and plugin_id = '"
            + OPENAI
            + "'");
    assertThat(answer()).as("kept in memory until told").isEqualTo("from the first");

    announce(ClusterCaches.LLM_ROUTES, tenantId);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> answer().equals("from the second"));
  }

  /**
   * A price counts before a call is sent: the call's estimate in micros is held on the budget, so a
   * higher price refuses the call at once.
   */
  @Test
  void aPriceChangedOnAnotherNodeTakesEffectWithinASecond() throws Exception {
    route("openai", model);
    price(0, 1_000_000);
    HttpResponse<String> budget =
        Platform.send(
            "PUT",
            "api/v1/tenant/budgets",
            "{\"scope\":\"TENANT\",\"unit\":\"MICROS\",\"amount\":5000}",
            admin);
    assertThat(budget.statusCode()).as(budget.body()).isEqualTo(200);
    // 1,000 completion tokens at most, at a micro each: within the budget
    assertThat(chat().statusCode()).isEqualTo(200);

    PlatformIT.execute(
        "update llm_price set completion_micros = 10000000 where provider_id = 'openai'"
            + " and model = '"
            + model
            + "'");
    assertThat(chat().statusCode()).as("kept in memory until told").isEqualTo(200);

    announce(ClusterCaches.LLM_PRICES, ClusterCaches.ALL);
    await()
        .atMost(WITHIN_A_SECOND)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> chat().statusCode() == 402);
  }

  private void announce(String cache, String key) {
    otherNode.publish(
        ClusterCaches.TOPIC,
        otherNode.hazelcast().getLocalEndpoint().getUuid() + " " + cache + " " + key);
  }

  private void configureOpenAi(OpenAiFakeServer server) throws Exception {
    String config =
        JSON.writeValueAsString(
            Map.of(
                "enabled",
                true,
                "config",
                Map.of("apiKey", apiKey, "baseUrl", server.apiBaseUrl(), "models", model)));
    assertThat(PluginsApi.configure(OPENAI, config, admin).statusCode()).isEqualTo(200);
  }

  private void price(long promptMicros, long completionMicros) throws Exception {
    HttpResponse<String> set =
        Platform.send(
            "PUT",
            "api/v1/platform/llm-prices",
            JSON.writeValueAsString(
                Map.of(
                    "providerId",
                    "openai",
                    "model",
                    model,
                    "promptMicros",
                    promptMicros,
                    "completionMicros",
                    completionMicros)),
            PluginsApi.platformAdmin());
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  private void route(String providerId, String stepModel) throws Exception {
    HttpResponse<String> set =
        Platform.send(
            "PUT",
            "api/v1/tenant/llm-route",
            JSON.writeValueAsString(
                Map.of("steps", List.of(Map.of("providerId", providerId, "model", stepModel)))),
            admin);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  private HttpResponse<String> chat() throws Exception {
    return Platform.post(
        "api/v1/llm/chat",
        JSON.writeValueAsString(
            Map.of(
                "messages",
                List.of(Map.of("role", "user", "content", "hi")),
                "organizationId",
                organization,
                "maxTokens",
                1000)),
        admin);
  }

  private String answer() throws Exception {
    HttpResponse<String> response = chat();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("content").asText();
  }
}

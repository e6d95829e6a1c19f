package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The LLM gateway in the running server, against the real OpenAI provider plugin talking to a
 * loopback server that speaks OpenAI's API, and the offline scripted provider: routes with
 * fallback, circuit breaking, budgets under concurrency, metering and streaming. The IT server
 * gives calls 3 s, first tokens 2 s, and opens a circuit for 2 s.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayIT {

  private static final String OPENAI = "io.protohive.plugins.llm-openai";
  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How long after its answer a call may take to appear in the meter and settle its budgets. */
  private static final Duration METERED = Duration.ofSeconds(10);

  private OpenAiFakeServer openAi;
  private PluginsApi.TenantAdmin account;
  private String[] admin;
  private String organization;
  private final String apiKey = "sk-test-" + UUID.randomUUID();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithProviders() throws Exception {
    openAi = new OpenAiFakeServer().requireApiKey(apiKey);
    account = PluginsApi.newTenantAdminAccount("gateway");
    admin = account.bearer();
    organization = organization("{\"name\":\"Gateway\"}", admin);
    String openAiConfig =
        JSON.writeValueAsString(
            Map.of(
                "enabled",
                true,
                "config",
                Map.of("apiKey", apiKey, "baseUrl", openAi.apiBaseUrl(), "models", "gpt-fake")));
    assertThat(PluginsApi.configure(OPENAI, openAiConfig, admin).statusCode()).isEqualTo(200);
    assertThat(
            PluginsApi.configure(
                    SCRIPTED, "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"5\"}}", admin)
                .statusCode())
        .isEqualTo(200);
  }

  @AfterEach
  void stopFake() {
    openAi.close();
  }

  @Test
  void anAnswerComesFromThePrimaryAndIsMeteredExactlyAsTheProviderReported() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.enqueue(OpenAiReply.text("Paris.", 17, 3), OpenAiReply.text("Rome.", 11, 2));

    JsonNode first = chat("What is the capital of France?");
    JsonNode second = chat("And of Italy?");

    assertThat(first.get("content").asText()).isEqualTo("Paris.");
    assertThat(second.get("content").asText()).isEqualTo("Rome.");
    // metered once the caller has the answer
    await()
        .atMost(METERED)
        .untilAsserted(
            () -> {
              JsonNode usage = usage("model");
              assertThat(usage.findValuesAsText("key")).containsExactly("openai/gpt-fake");
              assertThat(usage.get(0).get("calls").asLong()).isEqualTo(2);
              assertThat(usage.get(0).get("promptTokens").asLong())
                  .isEqualTo(openAi.reportedUsage().promptTokens());
              assertThat(usage.get(0).get("completionTokens").asLong())
                  .isEqualTo(openAi.reportedUsage().completionTokens());
            });
    assertThat(openAi.lastRequest().headers().toString()).contains("Bearer " + apiKey);
  }

  @Test
  void serverErrorsFallBackToTheNextProviderAfterARetry() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.enqueue(OpenAiReply.serverError(), OpenAiReply.overloaded());

    assertThat(chat("one").get("content").asText()).startsWith("This is the scripted");
    assertThat(openAi.chatCompletionCalls()).as("two attempts, then the fallback").isEqualTo(2);
  }

  @Test
  void aRateLimitIsRetriedOnTheSameProvider() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.enqueue(OpenAiReply.rateLimited(Duration.ofSeconds(1)), OpenAiReply.text("after it"));

    assertThat(chat("two").get("content").asText()).isEqualTo("after it");
    assertThat(openAi.chatCompletionCalls()).isEqualTo(2);
  }

  @Test
  void aProviderThatDoesNotAnswerInTimeFallsBack() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.enqueue(OpenAiReply.hang(), OpenAiReply.hang());

    assertThat(chat("three").get("content").asText()).startsWith("This is the scripted");
    await()
        .atMost(METERED)
        .untilAsserted(
            () ->
                assertThat(usage("model").findValuesAsText("key"))
                    .containsExactly("openai/gpt-fake", "scripted/scripted-1"));
  }

  @Test
  void aRequestTheProviderRejectsIsNotSentToTheFallback() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.enqueue(OpenAiReply.badRequest("This model's maximum context length is 8 tokens."));

    HttpResponse<String> refused = chatResponse("too long", null);

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("maximum context length");
    assertThat(openAi.chatCompletionCalls()).isEqualTo(1);
    await()
        .atMost(METERED)
        .until(() -> usage("model").findValuesAsText("key").contains("openai/gpt-fake"));
    assertThat(usage("model").findValuesAsText("key")).doesNotContain("scripted/scripted-1");
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndHalfOpensLater() throws Exception {
    route("openai/gpt-fake", "scripted/scripted-1");
    openAi.replyByDefault(OpenAiReply.serverError());
    chat("fail once");
    long failures = openAi.chatCompletionCalls();
    assertThat(failures).isEqualTo(2);

    chat("the circuit is open now");
    assertThat(openAi.chatCompletionCalls()).as("skipped while open").isEqualTo(failures);

    openAi.replyByDefault(OpenAiReply.text("back again"));
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> chat("are you back?").get("content").asText().equals("back again"));
  }

  @Test
  void aBudgetStopsConcurrentCallsBeforeTheyAreSent() throws Exception {
    route("openai/gpt-fake");
    // each call reserves its prompt (1 token for "hi") and its 100-token limit, and uses as much
    openAi.replyByDefault(
        OpenAiReply.text("ok", 1, 100).withFirstByteDelay(Duration.ofMillis(300)));
    setTenantBudget(505);

    assertConcurrentCallsStopAt(20, 5);

    assertThat(Platform.get("api/v1/tenant/audit?action=BUDGET_THRESHOLD", admin).body())
        .contains("BUDGET_THRESHOLD");
    assertThat(Platform.get("api/v1/platform/mail", PluginsApi.platformAdmin()).body())
        .contains("passed its warning threshold");

    JsonNode budgets = Platform.json(Platform.get("api/v1/tenant/budgets", admin)).get("items");
    HttpResponse<String> reset =
        Platform.post(
            "api/v1/tenant/budgets/" + budgets.get(0).get("id").asText() + "/reset", "", admin);
    assertThat(Platform.json(reset).get("spent").asLong()).isZero();
    assertThat(chatResponse("hi", 100).statusCode()).isEqualTo(200);
  }

  /**
   * With the route, settings and prices read from memory and usage written after each answer, 50
   * calls at once still spend exactly the budget: a budget read after any answer sees each call's
   * hold or its settlement, never neither.
   */
  @Test
  void aBudgetStaysExactUnderFiftyParallelCalls() throws Exception {
    route("openai/gpt-fake");
    openAi.replyByDefault(
        OpenAiReply.text("ok", 1, 100).withFirstByteDelay(Duration.ofMillis(300)));
    // the route is read once and kept: the calls below find it in memory
    assertThat(chatResponse("hi", 100).statusCode()).isEqualTo(200);
    long warmUpCalls = openAi.chatCompletionCalls();
    await().atMost(METERED).until(() -> usage("model").findValuesAsText("key").size() == 1);
    setTenantBudget(1010);

    assertConcurrentCallsStopAt(50, 10);
    assertThat(openAi.chatCompletionCalls() - warmUpCalls).isEqualTo(10);
  }

  private void setTenantBudget(long tokens) throws Exception {
    HttpResponse<String> budget =
        Platform.send(
            "PUT",
            "api/v1/tenant/budgets",
            "{\"scope\":\"TENANT\",\"unit\":\"TOKENS\",\"amount\":"
                + tokens
                + ",\"softPercent\":50}",
            admin);
    assertThat(budget.statusCode()).as(budget.body()).isEqualTo(200);
  }

  /**
   * Sends calls of 101 tokens each at once against a tenant budget with room for {@code room} of
   * them: that many answer, the others are refused before they are sent, and once settled the
   * budget has spent exactly its amount and holds nothing.
   */
  private void assertConcurrentCallsStopAt(int parallel, int room) throws Exception {
    long sentBefore = openAi.chatCompletionCalls();
    ExecutorService callers = Executors.newFixedThreadPool(parallel);
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    try {
      for (int i = 0; i < parallel; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> chatQuietly("hi", 100), callers));
      }
      List<Integer> statuses = calls.stream().map(c -> c.join().statusCode()).toList();

      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(room);
      assertThat(statuses.stream().filter(s -> s == 402).count()).isEqualTo(parallel - room);
      assertThat(openAi.chatCompletionCalls() - sentBefore).isEqualTo(room);
    } finally {
      callers.shutdownNow();
    }
    // held or spent, the budget has no room left the moment the answers are in
    HttpResponse<String> refused = chatResponse("hi", 100);
    assertThat(refused.statusCode()).isEqualTo(402);
    assertThat(Platform.json(refused).get("detail").asText()).contains("budget");
    await()
        .atMost(METERED)
        .untilAsserted(
            () -> {
              JsonNode budget =
                  Platform.json(Platform.get("api/v1/tenant/budgets", admin)).get("items").get(0);
              assertThat(budget.get("reserved").asLong()).isZero();
              assertThat(budget.get("spent").asLong()).isEqualTo(101L * room);
            });
  }

  @Test
  void answersStreamAsServerSentEvents() throws Exception {
    route("scripted/scripted-1");

    HttpResponse<String> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Platform.BASE + "api/v1/llm/chat"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .header(admin[0], admin[1])
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            body("stream this please", organization, null, null)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(stream.statusCode()).isEqualTo(200);
    List<String> deltas = new ArrayList<>();
    String completed = null;
    String event = null;
    for (String line : stream.body().split("\n")) {
      if (line.startsWith("event:")) {
        event = line.substring("event:".length()).strip();
      } else if (line.startsWith("data:")) {
        JsonNode data = JSON.readTree(line.substring("data:".length()).strip());
        if ("delta".equals(event)) {
          deltas.add(data.get("text").asText());
        } else if ("completed".equals(event)) {
          completed = data.get("content").asText();
        }
      }
    }
    assertThat(deltas).as(stream.body()).hasSizeGreaterThan(5);
    assertThat(String.join("", deltas)).as(stream.body()).isEqualTo(completed);
    assertThat(completed)
        .isEqualTo("This is the scripted offline model. You said: stream this please");
  }

  @Test
  void aCallIsChargedToAnOrganizationAndAnAgentOfTheCallersOwn() throws Exception {
    route("scripted/scripted-1");
    String startup =
        organization("{\"name\":\"Startup\",\"template\":\"software-startup\"}", admin);
    String agent = firstAgent(startup, admin);
    String[] otherTenant = PluginsApi.newTenantAdmin("elsewhere");
    String foreignAgent =
        firstAgent(
            organization("{\"name\":\"Theirs\",\"template\":\"software-startup\"}", otherTenant),
            otherTenant);
    String[] colleague = colleague();
    organization("{\"name\":\"Own\"}", colleague);

    HttpResponse<String> unscoped = chatAs(admin, null, null);
    assertThat(unscoped.statusCode()).as(unscoped.body()).isEqualTo(400);
    assertThat(Platform.json(unscoped).get("errors").has("organizationId")).isTrue();
    assertThat(chatAs(admin, null, foreignAgent).statusCode()).isEqualTo(404);
    assertThat(chatAs(admin, organization, foreignAgent).statusCode()).isEqualTo(404);
    assertThat(chatAs(admin, organization, UUID.randomUUID().toString()).statusCode())
        .isEqualTo(404);
    assertThat(chatAs(colleague, null, agent).statusCode())
        .as("an agent of an organization the caller is no member of")
        .isEqualTo(404);
    assertThat(chatAs(colleague, startup, null).statusCode()).isEqualTo(404);
    HttpResponse<String> mismatched = chatAs(admin, organization, agent);
    assertThat(mismatched.statusCode()).as(mismatched.body()).isEqualTo(400);
    assertThat(Platform.json(mismatched).get("errors").has("agentId")).isTrue();
    for (String scopeId : List.of(startup, organization)) {
      assertThat(
              Platform.send(
                      "PUT",
                      "api/v1/tenant/budgets",
                      "{\"scope\":\"ORGANIZATION\",\"scopeId\":\""
                          + scopeId
                          + "\",\"unit\":\"TOKENS\",\"amount\":100000}",
                      admin)
                  .statusCode())
          .isEqualTo(200);
    }

    HttpResponse<String> agents = chatAs(admin, null, agent);

    assertThat(agents.statusCode()).as(agents.body()).isEqualTo(200);
    Map<String, Long> spent = new HashMap<>();
    await()
        .atMost(METERED)
        .untilAsserted(
            () -> {
              for (JsonNode budget :
                  Platform.json(Platform.get("api/v1/tenant/budgets", admin)).get("items")) {
                spent.put(budget.get("scopeId").asText(), budget.get("spent").asLong());
              }
              assertThat(spent.get(startup)).as("the agent's organization paid").isPositive();
            });
    assertThat(spent.get(organization)).isZero();
    assertThat(usage("organization").findValuesAsText("key")).containsExactly(startup);
  }

  @Test
  void textsAreEmbeddedInProcessAndMetered() throws Exception {
    HttpResponse<String> response =
        Platform.post(
            "api/v1/llm/embeddings",
            "{\"texts\":[\"The invoice is due.\",\"Penguins swim.\"],\"organizationId\":\""
                + organization
                + "\"}",
            admin);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode embedded = Platform.json(response);
    assertThat(embedded.get("dimensions").asInt()).isEqualTo(384);
    assertThat(embedded.get("vectors")).hasSize(2);
    assertThat(embedded.get("vectors").get(0)).hasSize(384);
    await()
        .atMost(METERED)
        .until(() -> usage("model").findValuesAsText("key").contains("local/all-minilm-l6-v2-q"));
    assertThat(
            Platform.post(
                    "api/v1/llm/embeddings",
                    "{\"texts\":[],\"organizationId\":\"" + organization + "\"}",
                    admin)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> unscoped =
        Platform.post("api/v1/llm/embeddings", "{\"texts\":[\"Penguins swim.\"]}", admin);
    assertThat(unscoped.statusCode()).isEqualTo(400);
    assertThat(Platform.json(unscoped).get("errors").has("organizationId")).isTrue();
  }

  @Test
  void textsAreEmbeddedByAProvidersModelOnlyWhenTheTenantListsIt() throws Exception {
    HttpResponse<String> response = embed("openai/text-embedding-3-small");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode embedded = Platform.json(response);
    assertThat(embedded.get("model").asText()).isEqualTo("openai/text-embedding-3-small");
    assertThat(embedded.get("dimensions").asInt()).isEqualTo(OpenAiFakeServer.DEFAULT_DIMENSIONS);
    assertThat(embedded.get("vectors")).hasSize(2);
    assertThat(openAi.embeddingCalls()).isEqualTo(1);
    await()
        .atMost(METERED)
        .until(
            () -> usage("model").findValuesAsText("key").contains("openai/text-embedding-3-small"));

    HttpResponse<String> unlisted = embed("openai/text-embedding-3-large");
    assertThat(unlisted.statusCode()).as(unlisted.body()).isEqualTo(400);
    assertThat(Platform.json(unlisted).get("errors").has("model")).isTrue();
    HttpResponse<String> notEnabled = embed("ollama/nomic-embed-text");
    assertThat(notEnabled.statusCode()).as(notEnabled.body()).isEqualTo(400);
    assertThat(Platform.json(notEnabled).get("errors").has("model")).isTrue();
    assertThat(embed("text-embedding-3-small").statusCode()).isEqualTo(400);
    assertThat(openAi.embeddingCalls()).as("nothing refused reached the vendor").isEqualTo(1);
  }

  private HttpResponse<String> embed(String model) throws Exception {
    return Platform.post(
        "api/v1/llm/embeddings",
        "{\"texts\":[\"The invoice is due.\",\"Penguins swim.\"],\"organizationId\":\""
            + organization
            + "\",\"model\":\""
            + model
            + "\"}",
        admin);
  }

  @Test
  void theApiKeyAppearsInNoResponseAndNoLogLine() throws Exception {
    route("openai/gpt-fake");
    openAi.enqueue(OpenAiReply.invalidApiKey());
    List<String> bodies = new ArrayList<>();
    bodies.add(chatResponse("who am I?", null).body());
    bodies.add(Platform.get("api/v1/tenant/plugins/" + OPENAI, admin).body());
    bodies.add(Platform.get("api/v1/llm/providers", admin).body());
    bodies.add(Platform.get("api/v1/tenant/audit", admin).body());

    assertThat(bodies).noneMatch(body -> body.contains(apiKey));
    Platform.assertNotLogged(apiKey);
  }

  private void route(String... steps) throws Exception {
    List<Map<String, String>> route = new ArrayList<>();
    for (String step : steps) {
      String[] parts = step.split("/", 2);
      route.add(Map.of("providerId", parts[0], "model", parts[1]));
    }
    HttpResponse<String> set =
        Platform.send(
            "PUT",
            "api/v1/tenant/llm-route",
            JSON.writeValueAsString(Map.of("steps", route)),
            admin);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(Platform.get("api/v1/tenant/llm-route", admin).body()).isEqualTo(set.body());
  }

  private JsonNode chat(String text) throws Exception {
    HttpResponse<String> response = chatResponse(text, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response);
  }

  private HttpResponse<String> chatResponse(String text, Integer maxTokens) throws Exception {
    return Platform.post("api/v1/llm/chat", body(text, organization, null, maxTokens), admin);
  }

  private HttpResponse<String> chatQuietly(String text, Integer maxTokens) {
    try {
      return chatResponse(text, maxTokens);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A chat call's body; organization and agent are left out when {@code null}. */
  private static String body(String text, String organizationId, String agentId, Integer maxTokens)
      throws Exception {
    Map<String, Object> body = new HashMap<>();
    body.put("messages", List.of(Map.of("role", "user", "content", text)));
    if (organizationId != null) {
      body.put("organizationId", organizationId);
    }
    if (agentId != null) {
      body.put("agentId", agentId);
    }
    if (maxTokens != null) {
      body.put("maxTokens", maxTokens);
    }
    return JSON.writeValueAsString(body);
  }

  private HttpResponse<String> chatAs(String[] user, String organizationId, String agentId)
      throws Exception {
    return Platform.post("api/v1/llm/chat", body("hi", organizationId, agentId, null), user);
  }

  /** A new user of the admin's tenant, who is a member of none of the admin's organizations. */
  private String[] colleague() throws Exception {
    String email = "colleague-" + UUID.randomUUID() + "@example.com";
    assertThat(Accounts.register(email, Accounts.PASSWORD, account.tenant()).statusCode())
        .isEqualTo(201);
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }

  private static String organization(String body, String... user) throws Exception {
    HttpResponse<String> created = Platform.post("api/v1/organizations", body, user);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private static String firstAgent(String organizationId, String... user) throws Exception {
    return Platform.json(Platform.get("api/v1/organizations/" + organizationId + "/agents", user))
        .get("items")
        .get(0)
        .get("id")
        .asText();
  }

  private JsonNode usage(String groupBy) throws Exception {
    Instant now = Instant.now();
    HttpResponse<String> response =
        Platform.get(
            "api/v1/usage?from="
                + now.minus(1, ChronoUnit.HOURS)
                + "&to="
                + now.plus(1, ChronoUnit.HOURS)
                + "&groupBy="
                + groupBy,
            admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Platform.json(response).get("items");
  }
}

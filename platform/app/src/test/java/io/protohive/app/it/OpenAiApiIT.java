package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAI-compatible door, through OpenAI's own Java client: a tenant's agents listed as models,
 * a turn of one answered whole and streamed through the agent loop, with the tokens the gateway
 * metered, a conversation continued by its id, embeddings, and the refusals in OpenAI's shape.
 */
@ExtendWith(ArquillianExtension.class)
class OpenAiApiIT {

  private static final String FIRST = "Ready to help with the launch.";
  private static final String SECOND = "Still here, in the same conversation.";

  private String[] owner;
  private OpenAIClient client;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithAnOrganization() throws Exception {
    owner = tenantWithScriptedModel("openai", "say: " + FIRST + "\\nsay: " + SECOND);
    assertThat(
            Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Rocket Labs\",\"template\":\"software-startup\"}",
                    owner)
                .statusCode())
        .isEqualTo(201);
    client = client(apiToken("\"read\", \"chat\""));
  }

  /** An API token of the owner's with these scopes, as a developer makes one for a program. */
  private String apiToken(String scopes) throws Exception {
    HttpResponse<String> made =
        Platform.post(
            "api/v1/me/tokens", "{\"name\":\"OpenAI client\",\"scopes\":[" + scopes + "]}", owner);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return Platform.json(made).get("token").asText();
  }

  @Test
  void theCallersAgentsAreTheModels() throws Exception {
    String[] stranger = tenantWithScriptedModel("openai-other", "say: hi");
    Platform.post("api/v1/organizations", "{\"name\":\"Elsewhere\"}", stranger);

    List<String> models = client.models().list().data().stream().map(Model::id).toList();

    assertThat(models)
        .contains("rocket-labs/Ada", "rocket-labs/Linus", "rocket-labs/Margaret")
        .allMatch(model -> model.startsWith("rocket-labs/"));
  }

  @Test
  void aTurnAnswersWholeWithTheMeteredTokensAndItsConversation() throws Exception {
    HttpResponseFor<ChatCompletion> response =
        client.chat().completions().withRawResponse().create(ask("rocket-labs/Ada", "Hello Ada"));
    ChatCompletion completion = response.parse();

    assertThat(completion.model()).isEqualTo("rocket-labs/Ada");
    assertThat(completion.choices().get(0).message().content()).contains(FIRST);
    CompletionUsage usage = completion.usage().orElseThrow();
    assertThat(usage.promptTokens()).isPositive();
    assertThat(usage.completionTokens()).isPositive();
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
    String conversation = conversationOf(completion._additionalProperties().get("conversation"));
    assertThat(response.headers().values("X-Conversation-Id")).containsExactly(conversation);
    JsonNode messages = messages(conversation);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).get("content").asText()).isEqualTo("Hello Ada");
    assertThat(messages.get(1).get("content").asText()).isEqualTo(FIRST);
  }

  @Test
  void aStreamedTurnsWordsAddUpToTheStoredAnswer() throws Exception {
    ChatCompletionCreateParams params =
        ask("rocket-labs/Linus", "Hello Linus").toBuilder()
            .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
            .build();
    StringBuilder words = new StringBuilder();
    List<ChatCompletionChunk> chunks = new ArrayList<>();

    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params)) {
      stream.stream().forEach(chunks::add);
    }

    chunks.stream()
        .flatMap(chunk -> chunk.choices().stream())
        .forEach(choice -> choice.delta().content().ifPresent(words::append));
    assertThat(chunks.size()).isGreaterThan(3);
    String conversation = conversationOf(chunks.get(0)._additionalProperties().get("conversation"));
    assertThat(words.toString()).isEqualTo(messages(conversation).get(1).get("content").asText());
    assertThat(words.toString()).isEqualTo(FIRST);
    CompletionUsage usage = chunks.get(chunks.size() - 1).usage().orElseThrow();
    assertThat(usage.completionTokens()).isPositive();
    assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
  }

  @Test
  void aConversationGoesOnByItsIdInTheBodyOrTheHeader() throws Exception {
    ChatCompletion first = client.chat().completions().create(ask("rocket-labs/Ada", "One"));
    String conversation = conversationOf(first._additionalProperties().get("conversation"));

    ChatCompletion second =
        client
            .chat()
            .completions()
            .create(
                ask("rocket-labs/Ada", "Two").toBuilder()
                    .putAdditionalBodyProperty("conversation", JsonValue.from(conversation))
                    .build());
    ChatCompletion third =
        client
            .chat()
            .completions()
            .create(
                ask("rocket-labs/Ada", "Three").toBuilder()
                    .putAdditionalHeader("X-Conversation-Id", conversation)
                    .build());

    assertThat(second.choices().get(0).message().content()).contains(SECOND);
    assertThat(conversationOf(third._additionalProperties().get("conversation")))
        .isEqualTo(conversation);
    assertThat(messages(conversation)).hasSize(6);
  }

  @Test
  void anotherTenantsAgentIsNoModelAndAnotherTenantsConversationNoConversation() throws Exception {
    String[] stranger = tenantWithScriptedModel("openai-other", "say: mine");
    Platform.post(
        "api/v1/organizations",
        "{\"name\":\"Elsewhere\",\"template\":\"software-startup\"}",
        stranger);
    OpenAIClient strangers = client(stranger[1].substring("Bearer ".length()));
    String theirs =
        conversationOf(
            strangers
                .chat()
                .completions()
                .create(ask("elsewhere/Ada", "private"))
                ._additionalProperties()
                .get("conversation"));

    assertThatThrownBy(() -> client.chat().completions().create(ask("elsewhere/Ada", "hi")))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> {
              assertThat(e.code()).contains("model_not_found");
              assertThat(e.param()).contains("model");
            });
    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        ask("rocket-labs/Ada", "hi").toBuilder()
                            .putAdditionalBodyProperty("conversation", JsonValue.from(theirs))
                            .build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(messages(theirs, stranger)).hasSize(2);
  }

  @Test
  void theApisDescriptionKeepsItsPathsAndLeavesThisDoorToOpenAisReference() throws Exception {
    JsonNode paths = Platform.json(Platform.get("openapi?format=JSON")).get("paths");

    assertThat(paths.has("/api/v1/organizations")).isTrue();
    assertThat(paths.has("/api/v1/models") || paths.has("/api/openai/v1/models")).isFalse();
  }

  @Test
  void refusalsAreInOpenAisShape() throws Exception {
    assertThatThrownBy(() -> client("not-a-token").models().list())
        .isInstanceOfSatisfying(
            UnauthorizedException.class, e -> assertThat(e.code()).contains("invalid_api_key"));
    assertThatThrownBy(
            () ->
                client
                    .chat()
                    .completions()
                    .create(
                        ChatCompletionCreateParams.builder()
                            .model("rocket-labs/Ada")
                            .addAssistantMessage("I speak last")
                            .build()))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.param()).contains("messages"));
    HttpResponse<String> notJson =
        Platform.post("api/openai/v1/chat/completions", "{\"model\":", owner);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(Platform.json(notJson).get("error").get("type").asText())
        .isEqualTo("invalid_request_error");
  }

  @Test
  void aTokenWithoutTheChatScopeListsModelsButAsksNothing() throws Exception {
    OpenAIClient reader = client(apiToken("\"read\""));

    assertThat(reader.models().list().data()).isNotEmpty();
    assertThatThrownBy(() -> reader.chat().completions().create(ask("rocket-labs/Ada", "hi")))
        .isInstanceOfSatisfying(
            PermissionDeniedException.class,
            e -> assertThat(e.getMessage()).contains("'chat' scope"));
  }

  @Test
  void theDoorIsHeldToThePersonsRateLimit() throws Exception {
    String slug = "openai-limited-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = Path.of(System.getProperty("it.tenants.dir")).resolve(slug + ".yaml");
    try {
      Files.writeString(
          file,
          """
          slug: %s
          name: Limited
          selfSignup: true
          emailVerification: false
          rateLimits: {user: 2, tenant: 100}
          """
              .formatted(slug));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'")
                      .equals("1"));
      String email = "limited-" + UUID.randomUUID() + "@example.com";
      assertThat(Accounts.register(email, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
      OpenAIClient limited = client(Accounts.accessToken(Platform.API, email, Accounts.PASSWORD));

      limited.models().list();
      limited.models().list();

      assertThatThrownBy(() -> limited.models().list())
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.code()).contains("rate_limit_exceeded");
                assertThat(e.headers().values("Retry-After")).isNotEmpty();
              });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void aSpentBudgetIsPaymentRequired() throws Exception {
    Platform.send(
        "PUT",
        "api/v1/tenant/budgets",
        "{\"scope\":\"TENANT\",\"unit\":\"TOKENS\",\"amount\":1}",
        owner);

    assertThatThrownBy(() -> client.chat().completions().create(ask("rocket-labs/Ada", "hi")))
        .isInstanceOfSatisfying(
            OpenAIServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(402);
              assertThat(e.code()).contains("insufficient_quota");
            });
  }

  @Test
  void textsAreEmbeddedByTheLocalModel() {
    CreateEmbeddingResponse embedded =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model("local/all-minilm-l6-v2-q")
                    .inputOfArrayOfStrings(List.of("launch plan", "quarterly invoice"))
                    .build());

    assertThat(embedded.data()).hasSize(2);
    assertThat(embedded.data().get(0).embedding()).hasSize(384);
    assertThat(embedded.usage().promptTokens()).isPositive();
  }

  private static ChatCompletionCreateParams ask(String model, String words) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage(words).build();
  }

  private static OpenAIClient client(String token) {
    return OpenAIOkHttpClient.builder()
        .baseUrl(Platform.BASE.resolve("api/openai/v1").toString())
        .apiKey(token)
        .maxRetries(0)
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  private static String conversationOf(JsonValue field) {
    return field.convert(String.class);
  }

  private JsonNode messages(String conversation) throws Exception {
    return messages(conversation, owner);
  }

  private static JsonNode messages(String conversation, String[] who) throws Exception {
    return Platform.json(Platform.get("api/v1/conversations/" + conversation + "/messages", who))
        .get("items");
  }

  /** An admin of a new tenant whose agents speak through the scripted model, by the plan. */
  private static String[] tenantWithScriptedModel(String prefix, String plan) throws Exception {
    String[] admin = PluginsApi.newTenantAdmin(prefix);
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted",
                    "{\"enabled\":true,\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\""
                        + plan
                        + "\"}}",
                    admin)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    admin)
                .statusCode())
        .isEqualTo(200);
    return admin;
  }
}

package io.protohive.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every LLM provider plugin passes: what the platform's gateway relies on when it
 * calls a provider's models. Extend it in a test of the provider's module, name the provider and an
 * {@link LlmUpstream} for it, and the kit checks that a blocking chat answers with its text and
 * token usage, that a stream delivers its pieces in order and then completes exactly once, that
 * cancelling a stream through its handle stops it, and that the provider describes its
 * configuration for the form.
 *
 * <p>Providers that call a server extend {@link RemoteLlmProviderContract}, which adds how errors,
 * timeouts and retries must look.
 */
public abstract class LlmProviderContract {

  /** The question every case asks. */
  public static final String QUESTION = "What is the weather in Paris today?";

  /** The answer every case scripts: six pieces, each a word with the space that follows it. */
  protected static final ScriptedAnswer ANSWER =
      ScriptedAnswer.of(List.of("It ", "is ", "sunny ", "in ", "Paris ", "today."), 21, 6);

  /** Long enough for a loaded build machine, far shorter than any real timeout. */
  protected static final Duration WAIT = Duration.ofSeconds(10);

  private static final String ID = "[a-z0-9]+([.-][a-z0-9]+)*";

  private LlmUpstream upstream;

  /** The provider under test, as its plugin registers it. */
  protected abstract LlmProvider provider();

  /** A fresh upstream for one test; the kit closes it afterwards. */
  protected abstract LlmUpstream newUpstream();

  /** The upstream of the running test. */
  protected LlmUpstream upstream() {
    return upstream;
  }

  /** The model the cases chat with: by default the first chat model the provider lists. */
  protected String chatModel() {
    return provider().models(upstream.configuration()).stream()
        .filter(model -> model.kind() == ModelInfo.Kind.CHAT)
        .map(ModelInfo::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError(provider().id() + " lists no chat model"));
  }

  @BeforeEach
  void openUpstream() {
    upstream = newUpstream();
  }

  @AfterEach
  void closeUpstream() {
    upstream.close();
  }

  @Test
  void namesItselfAndItsChatModels() {
    assertThat(provider().id()).as("provider id").matches(ID);
    assertThat(provider().name()).as("provider name").isNotBlank();
    assertThat(provider().models(upstream.configuration()))
        .as("models")
        .isNotEmpty()
        .allSatisfy(model -> assertThat(model.id()).as("model id").isNotBlank())
        .anySatisfy(model -> assertThat(model.kind()).isEqualTo(ModelInfo.Kind.CHAT));
  }

  @Test
  void describesItsConfigurationForTheForm() {
    Set<String> keys = new HashSet<>();
    for (ConfigurationProperty property : provider().configuration()) {
      String key = property.key();
      assertThat(key).as("key").isNotBlank();
      assertThat(keys.add(key)).as("key " + key + " once").isTrue();
      assertThat(property.label()).as(key + " label").isNotBlank();
      if (property.secret()) {
        assertThat(property.type()).as(key + " secret type").isEqualTo(ConfigurationType.STRING);
        assertThat(property.defaultValue()).as(key + " secret default").isNull();
      }
      if (property.defaultValue() != null) {
        assertValidDefault(property);
      }
    }
  }

  /**
   * The gateway offers a tenant the embedding models a provider lists and builds them through
   * {@link LlmProvider#embeddingModel}: every one listed embeds, one vector per text, in order; a
   * provider that lists none keeps the SPI's refusal.
   */
  @Test
  void embedsWithEveryEmbeddingModelItListsAndRefusesWhenItListsNone() {
    List<String> listed =
        provider().models(upstream.configuration()).stream()
            .filter(model -> model.kind() == ModelInfo.Kind.EMBEDDING)
            .map(ModelInfo::id)
            .toList();
    if (listed.isEmpty()) {
      assertThatThrownBy(() -> provider().embeddingModel("any", upstream.configuration()))
          .as("a provider that lists no embedding model builds none")
          .isInstanceOf(UnsupportedOperationException.class);
    }
    for (String model : listed) {
      List<Embedding> vectors =
          provider()
              .embeddingModel(model, upstream.configuration())
              .embedAll(
                  List.of(
                      TextSegment.from("The invoice is due."), TextSegment.from("Penguins swim.")))
              .content();
      assertThat(vectors).as(model + " vectors").hasSize(2);
      assertThat(vectors.get(0).dimension()).as(model + " dimensions").isPositive();
      assertThat(vectors.get(1).dimension()).isEqualTo(vectors.get(0).dimension());
      assertThat(vectors.get(1).vector()).isNotEqualTo(vectors.get(0).vector());
    }
  }

  @Test
  void answersABlockingChatWithItsTextAndTokenUsage() {
    ScriptedAnswer expected = upstream.willAnswer(ANSWER);

    ChatResponse response =
        provider().chatModel(chatModel(), upstream.configuration()).chat(question());

    assertThat(response.aiMessage().text()).isEqualTo(expected.text());
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertUsage(response, expected);
  }

  @Test
  void streamsThePiecesInOrderThenCompletesOnceWithTokenUsage() throws Exception {
    ScriptedAnswer expected = upstream.willAnswer(ANSWER);
    StreamRecorder recorder = new StreamRecorder();

    provider().streamingChatModel(chatModel(), upstream.configuration()).chat(question(), recorder);

    ChatResponse response = recorder.response();
    assertThat(recorder.partials).containsExactlyElementsOf(expected.pieces());
    assertThat(String.join("", recorder.partials)).isEqualTo(response.aiMessage().text());
    assertThat(response.aiMessage().text()).isEqualTo(expected.text());
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertUsage(response, expected);
    await()
        .alias("nothing follows the completion")
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(() -> recorder.ends() == 1);
  }

  @Test
  void aStreamCancelledThroughItsHandleDeliversNothingMore() {
    upstream.willAnswer(ANSWER.pacedBy(Duration.ofMillis(200)));
    StreamRecorder recorder = StreamRecorder.cancellingAfter(1);

    provider().streamingChatModel(chatModel(), upstream.configuration()).chat(question(), recorder);

    await().alias("the first piece").atMost(WAIT).until(() -> !recorder.partials.isEmpty());
    // the next piece would come 200 ms later, the completion a second later
    await()
        .alias("no piece and no completion after the cancel")
        .during(Duration.ofMillis(1500))
        .atMost(WAIT)
        .until(() -> recorder.partials.size() == 1 && !recorder.completed());
  }

  /** The request every case sends. */
  protected static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from(QUESTION)).build();
  }

  private static void assertUsage(ChatResponse response, ScriptedAnswer expected) {
    TokenUsage usage = response.tokenUsage();
    assertThat(usage).as("token usage").isNotNull();
    assertThat(usage.inputTokenCount()).as("input tokens").isEqualTo(expected.inputTokens());
    assertThat(usage.outputTokenCount()).as("output tokens").isEqualTo(expected.outputTokens());
    assertThat(usage.totalTokenCount())
        .as("total tokens")
        .isEqualTo(expected.inputTokens() + expected.outputTokens());
  }

  private static void assertValidDefault(ConfigurationProperty property) {
    String key = property.key();
    String value = property.defaultValue();
    switch (property.type()) {
      case INTEGER ->
          assertThat(value.trim()).as(key + " default is a whole number").matches("-?\\d+");
      case BOOLEAN -> assertThat(value).as(key + " default").isIn("true", "false");
      case URL ->
          assertThat(URI.create(value).getScheme()).as(key + " default").isIn("http", "https");
      default -> assertThat(value).as(key + " default").isNotNull();
    }
  }
}

package io.protohive.kernel.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Turns texts into vectors: with the default, in-process embedding model, offline, metered for the
 * tenant like every model call (at no cost: nothing leaves the server); or, when a caller names
 * one, with an embedding model of a provider plugin the tenant enabled, through the gateway. Memory
 * always uses the in-process model, whose 384 dimensions its index is built for.
 */
@ApplicationScoped
public class Embeddings {

  static final int MAX_TEXTS = 64;
  static final int MAX_CHARACTERS = 8_000;

  /** The in-process model, as a provider and model pair. */
  public static final RouteStep LOCAL =
      new RouteStep(LocalEmbeddingModel.PROVIDER, LocalEmbeddingModel.MODEL);

  @Inject PlatformSettings settings;
  @Inject CallSettlements settlements;
  @Inject LlmGateway gateway;

  private LocalEmbeddingModel model;

  @PostConstruct
  void prepare() {
    model = new LocalEmbeddingModel(settings.dataDir().resolve("native-cache"));
  }

  /** The embeddings of the texts by the in-process model, in order. */
  public List<Embedding> embed(CallScope scope, List<String> texts) {
    return embed(scope, LOCAL, texts);
  }

  /**
   * The embeddings of the texts by the model named, in order.
   *
   * @param named {@link #LOCAL} or a provider's embedding model
   */
  public List<Embedding> embed(CallScope scope, RouteStep named, List<String> texts) {
    return metered(scope, named, texts).content();
  }

  /**
   * The embeddings of the texts by the model named, in order, with the input tokens the call was
   * metered for.
   *
   * @param named {@link #LOCAL} or a provider's embedding model
   */
  public Response<List<Embedding>> metered(CallScope scope, RouteStep named, List<String> texts) {
    long characters = characters(texts);
    if (!LOCAL.equals(named)) {
      return gateway.embed(scope, named, texts);
    }
    long started = System.nanoTime();
    List<Embedding> embeddings = model.embed(texts);
    UsageMeter.Metered metered =
        new UsageMeter.Metered(
            UsageMeter.Operation.EMBEDDINGS,
            scope,
            LOCAL,
            false,
            characters / 4 + 1,
            0,
            Duration.ofNanos(System.nanoTime() - started),
            null,
            CallOutcome.OK,
            0);
    // metered as a gateway call is, though no budget holds anything for a model that costs nothing
    settlements.settle(scope, Budgets.Reservation.none(scope.tenantId()), 0, 0, List.of(metered));
    return Response.from(embeddings, new TokenUsage(Math.toIntExact(metered.promptTokens()), 0));
  }

  /**
   * The model a caller names as {@code provider/model}; the in-process model when none is named.
   */
  public static RouteStep named(String name) {
    if (name == null || name.isBlank()) {
      return LOCAL;
    }
    int slash = name.indexOf('/');
    if (slash <= 0 || slash == name.length() - 1) {
      throw Rejection.invalid(
          "model",
          "Name the model as provider/model, for example "
              + LOCAL.providerId()
              + "/"
              + LOCAL.model()
              + ".");
    }
    return new RouteStep(name.substring(0, slash), name.substring(slash + 1));
  }

  private static long characters(List<String> texts) {
    if (texts == null || texts.isEmpty() || texts.size() > MAX_TEXTS) {
      throw Rejection.invalid("texts", "Send one to " + MAX_TEXTS + " texts.");
    }
    long characters = 0;
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text == null || text.isBlank() || text.length() > MAX_CHARACTERS) {
        throw Rejection.invalid(
            "texts[" + i + "]", "Each text has 1 to " + MAX_CHARACTERS + " characters.");
      }
      characters += text.length();
    }
    return characters;
  }
}

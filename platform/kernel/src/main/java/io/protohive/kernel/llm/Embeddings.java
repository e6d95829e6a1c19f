package io.protohive.kernel.llm;

import dev.langchain4j.data.embedding.Embedding;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * Turns texts into vectors with the default, in-process embedding model, offline, metered for the
 * tenant like every model call (at no cost: nothing leaves the server).
 */
@ApplicationScoped
public class Embeddings {

  static final int MAX_TEXTS = 64;
  static final int MAX_CHARACTERS = 8_000;
  private static final RouteStep LOCAL =
      new RouteStep(LocalEmbeddingModel.PROVIDER, LocalEmbeddingModel.MODEL);

  @Inject PlatformSettings settings;
  @Inject UsageMeter meter;

  private LocalEmbeddingModel model;

  @PostConstruct
  void prepare() {
    model = new LocalEmbeddingModel(settings.dataDir().resolve("native-cache"));
  }

  /** The embeddings of the texts, in order. */
  public List<Embedding> embed(CallScope scope, List<String> texts) {
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
    long started = System.nanoTime();
    List<Embedding> embeddings = model.embed(texts);
    meter.record(
        new UsageMeter.Metered(
            scope,
            LOCAL,
            false,
            characters / 4 + 1,
            0,
            Duration.ofNanos(System.nanoTime() - started),
            null,
            CallOutcome.OK,
            0));
    return embeddings;
  }
}

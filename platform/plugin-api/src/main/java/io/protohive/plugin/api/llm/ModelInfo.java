package io.protohive.plugin.api.llm;

import java.util.Objects;

/**
 * A model a provider offers.
 *
 * @param id the vendor's name for it, e.g. {@code gpt-4o-mini}
 * @param kind what it does
 * @param contextWindow the tokens it reads at most, or 0 when unknown
 */
public record ModelInfo(String id, Kind kind, int contextWindow) {

  /** What a model does. */
  public enum Kind {
    CHAT,
    EMBEDDING
  }

  public ModelInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
  }
}

package io.protohive.plugin.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A text answer an {@link LlmUpstream} gives: the pieces it streams, the token counts it reports,
 * and the pause between two pieces.
 */
public record ScriptedAnswer(
    List<String> pieces, int inputTokens, int outputTokens, Duration pacing) {

  public ScriptedAnswer {
    pieces = List.copyOf(pieces);
    Objects.requireNonNull(pacing, "pacing");
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("An answer needs at least one piece");
    }
  }

  /** An answer streamed without pauses. */
  public static ScriptedAnswer of(List<String> pieces, int inputTokens, int outputTokens) {
    return new ScriptedAnswer(pieces, inputTokens, outputTokens, Duration.ZERO);
  }

  /** This answer with other token counts. */
  public ScriptedAnswer withUsage(int input, int output) {
    return new ScriptedAnswer(pieces, input, output, pacing);
  }

  /** This answer with a pause between two pieces; a long one is a stream that stalls. */
  public ScriptedAnswer pacedBy(Duration pause) {
    return new ScriptedAnswer(pieces, inputTokens, outputTokens, pause);
  }

  /** The whole text, as a blocking answer carries it. */
  public String text() {
    return String.join("", pieces);
  }
}

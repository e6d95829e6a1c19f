package io.protohive.plugin.testkit;

import io.protohive.plugin.api.Configuration;

/**
 * What a provider's models talk to in {@link LlmProviderContract}: a fake vendor server, or for a
 * provider that answers by itself, its own scripting. A fresh one serves each test.
 */
public interface LlmUpstream extends AutoCloseable {

  /** A tenant's configuration of the provider that points its models here. */
  Configuration configuration();

  /**
   * Makes the next chat request get this answer, streamed piece by piece at its pacing.
   *
   * @return the answer as the provider will report it: the same, unless the provider cannot be told
   *     the token counts and reports its own
   */
  ScriptedAnswer willAnswer(ScriptedAnswer answer);

  /** Releases what the upstream holds, ending any answer it still delays. */
  @Override
  void close();
}

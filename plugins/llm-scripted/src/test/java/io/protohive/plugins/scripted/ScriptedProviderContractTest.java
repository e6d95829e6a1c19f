package io.protohive.plugins.scripted;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.testkit.LlmProviderContract;
import io.protohive.plugin.testkit.LlmUpstream;
import io.protohive.plugin.testkit.ScriptedAnswer;
import java.util.HashMap;
import java.util.Map;

/**
 * The scripted model meets the LLM provider contract, its answers scripted by a one-step plan. It
 * calls no server, so the cases about servers' errors and timeouts do not apply to it.
 */
class ScriptedProviderContractTest extends LlmProviderContract {

  @Override
  protected LlmProvider provider() {
    return new ScriptedProvider();
  }

  @Override
  protected LlmUpstream newUpstream() {
    return new LlmUpstream() {
      private final Map<String, String> configuration =
          new HashMap<>(Map.of("tokenDelayMillis", "0"));

      @Override
      public Configuration configuration() {
        return Configuration.of(configuration);
      }

      /** The model counts words as tokens; it cannot be told other counts. */
      @Override
      public ScriptedAnswer willAnswer(ScriptedAnswer answer) {
        configuration.put("plan", "say: " + answer.text());
        configuration.put("tokenDelayMillis", String.valueOf(answer.pacing().toMillis()));
        return answer.withUsage(Script.words(QUESTION), Script.words(answer.text()));
      }

      @Override
      public void close() {}
    };
  }
}

package io.protohive.plugins.ollama;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ProviderSettings;
import io.protohive.plugin.testkit.FakeUpstreams;
import io.protohive.plugin.testkit.RemoteLlmProviderContract;
import io.protohive.plugin.testkit.RemoteLlmUpstream;
import java.util.Map;

/** The provider meets the LLM provider contract against the fake Ollama server. */
class OllamaProviderContractTest extends RemoteLlmProviderContract {

  @Override
  protected LlmProvider provider() {
    return new OllamaProvider();
  }

  @Override
  protected RemoteLlmUpstream newUpstream() {
    return FakeUpstreams.ollama(
        (url, timeout) ->
            Configuration.of(
                Map.of(
                    ProviderSettings.BASE_URL,
                    url,
                    ProviderSettings.TIMEOUT_SECONDS,
                    String.valueOf(timeout.toSeconds()))));
  }
}

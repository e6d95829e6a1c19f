package io.protohive.plugins.anthropic;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ProviderSettings;
import io.protohive.plugin.testkit.FakeUpstreams;
import io.protohive.plugin.testkit.RemoteLlmProviderContract;
import io.protohive.plugin.testkit.RemoteLlmUpstream;
import java.util.Map;

/** The provider meets the LLM provider contract against the fake Anthropic server. */
class AnthropicProviderContractTest extends RemoteLlmProviderContract {

  @Override
  protected LlmProvider provider() {
    return new AnthropicProvider();
  }

  @Override
  protected RemoteLlmUpstream newUpstream() {
    return FakeUpstreams.anthropic(
        (url, timeout) ->
            Configuration.of(
                Map.of(
                    ProviderSettings.API_KEY,
                    TenantSettings.API_KEY,
                    ProviderSettings.BASE_URL,
                    url,
                    ProviderSettings.TIMEOUT_SECONDS,
                    String.valueOf(timeout.toSeconds()))));
  }
}

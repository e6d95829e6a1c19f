package io.protohive.plugins.anthropic;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.LlmProvider;
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
                    AnthropicSettings.API_KEY.key(),
                    TenantSettings.API_KEY,
                    AnthropicSettings.BASE_URL.key(),
                    url,
                    AnthropicSettings.TIMEOUT_SECONDS.key(),
                    String.valueOf(timeout.toSeconds()))));
  }
}

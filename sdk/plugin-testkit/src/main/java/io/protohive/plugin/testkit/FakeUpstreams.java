package io.protohive.plugin.testkit;

import dev.langchain4j.model.output.TokenUsage;
import io.protohive.llm.fakes.AnthropicFakeServer;
import io.protohive.llm.fakes.AnthropicOllamaFakeServer;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.llm.fakes.OllamaFakeServer;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import io.protohive.llm.fakes.OpenAiUsage;
import io.protohive.plugin.api.Configuration;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * The fake vendor servers of {@code protohive-llm-fakes} as {@link RemoteLlmUpstream}s, each
 * failing with the error bodies its vendor really sends. A provider's contract test names the one
 * its models speak to and says how a tenant would configure them for it:
 *
 * <pre>{@code
 * FakeUpstreams.openAi((url, timeout) -> Configuration.of(Map.of(
 *     "apiKey", "sk-test", "baseUrl", url, "timeoutSeconds", "" + timeout.toSeconds())));
 * }</pre>
 */
public final class FakeUpstreams {

  private FakeUpstreams() {}

  /**
   * A fake OpenAI Chat Completions server.
   *
   * @param configuration the tenant configuration for the API root (ending in {@code /v1}) and a
   *     timeout
   */
  public static RemoteLlmUpstream openAi(
      BiFunction<String, Duration, Configuration> configuration) {
    OpenAiFakeServer fake = new OpenAiFakeServer();
    return new RemoteLlmUpstream() {
      @Override
      public Configuration configuration(Duration timeout) {
        return configuration.apply(fake.apiBaseUrl(), timeout);
      }

      @Override
      public ScriptedAnswer willAnswer(ScriptedAnswer answer) {
        fake.enqueue(
            OpenAiReply.pieces(answer.pieces())
                .withUsage(answer.inputTokens(), answer.outputTokens())
                .withChunkDelay(answer.pacing()));
        return answer;
      }

      @Override
      public String willFail(int status) {
        OpenAiReply reply =
            switch (status) {
              case 400 -> OpenAiReply.badRequest("'messages' must contain at least one message.");
              case 401 -> OpenAiReply.invalidApiKey();
              case 429 -> OpenAiReply.rateLimited(Duration.ofSeconds(20));
              case 500 -> OpenAiReply.serverError();
              case 503 -> OpenAiReply.overloaded();
              default ->
                  OpenAiReply.error(
                      status,
                      "The fake answers " + status,
                      status >= 500 ? "server_error" : "invalid_request_error",
                      null);
            };
        fake.enqueue(reply);
        return reply.error().message();
      }

      @Override
      public void willHang() {
        fake.enqueue(OpenAiReply.hang());
      }

      @Override
      public int chatRequests() {
        return (int) fake.chatCompletionCalls();
      }

      @Override
      public TokenUsage reportedUsage() {
        OpenAiUsage usage = fake.reportedUsage();
        return new TokenUsage((int) usage.promptTokens(), (int) usage.completionTokens());
      }

      @Override
      public void close() {
        fake.close();
      }
    };
  }

  /**
   * A fake Anthropic Messages server.
   *
   * @param configuration the tenant configuration for the API root (ending in {@code /v1}) and a
   *     timeout
   */
  public static RemoteLlmUpstream anthropic(
      BiFunction<String, Duration, Configuration> configuration) {
    AnthropicFakeServer fake = new AnthropicFakeServer();
    return new ScriptedFake(fake, fake.apiUrl(), configuration) {
      @Override
      AnthropicOllamaReply failure(int status) {
        return switch (status) {
          case 400 -> AnthropicFakeServer.invalidRequestError("max_tokens: Field required");
          case 401 -> AnthropicFakeServer.authenticationError();
          case 429 -> AnthropicFakeServer.rateLimitError();
          case 500 -> AnthropicFakeServer.apiError();
          default ->
              AnthropicOllamaReply.error(
                  status,
                  status >= 500 ? "api_error" : "invalid_request_error",
                  "The fake answers " + status);
        };
      }
    };
  }

  /**
   * A fake Ollama server, native API.
   *
   * @param configuration the tenant configuration for the server's root and a timeout
   */
  public static RemoteLlmUpstream ollama(
      BiFunction<String, Duration, Configuration> configuration) {
    OllamaFakeServer fake = new OllamaFakeServer();
    return new ScriptedFake(fake, fake.baseUrl(), configuration) {
      @Override
      AnthropicOllamaReply failure(int status) {
        return switch (status) {
          case 500 -> OllamaFakeServer.serverError("llama runner process has terminated");
          case 503 -> OllamaFakeServer.serverBusy();
          // what a proxy in front of Ollama answers; Ollama itself has no keys and no limits
          default -> AnthropicOllamaReply.error(status, null, "The proxy answers " + status);
        };
      }
    };
  }

  /** The fakes that share {@link AnthropicOllamaReply} scripts. */
  private abstract static class ScriptedFake implements RemoteLlmUpstream {
    private final AnthropicOllamaFakeServer fake;
    private final String url;
    private final BiFunction<String, Duration, Configuration> configuration;

    ScriptedFake(
        AnthropicOllamaFakeServer fake,
        String url,
        BiFunction<String, Duration, Configuration> configuration) {
      this.fake = fake;
      this.url = url;
      this.configuration = configuration;
    }

    abstract AnthropicOllamaReply failure(int status);

    @Override
    public Configuration configuration(Duration timeout) {
      return configuration.apply(url, timeout);
    }

    @Override
    public ScriptedAnswer willAnswer(ScriptedAnswer answer) {
      fake.enqueue(
          AnthropicOllamaReply.pieces(answer.pieces())
              .withUsage(answer.inputTokens(), answer.outputTokens())
              .withChunkDelay(answer.pacing()));
      return answer;
    }

    @Override
    public String willFail(int status) {
      AnthropicOllamaReply reply = failure(status);
      fake.enqueue(reply);
      return reply.error().message();
    }

    @Override
    public void willHang() {
      fake.enqueue(AnthropicOllamaReply.hang());
    }

    @Override
    public int chatRequests() {
      return fake.requests().size();
    }

    @Override
    public TokenUsage reportedUsage() {
      AnthropicOllamaFakeServer.Usage usage = fake.usage();
      return new TokenUsage((int) usage.inputTokens(), (int) usage.outputTokens());
    }

    @Override
    public void close() {
      fake.close();
    }
  }
}

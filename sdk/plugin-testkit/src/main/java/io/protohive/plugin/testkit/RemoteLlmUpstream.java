package io.protohive.plugin.testkit;

import dev.langchain4j.model.output.TokenUsage;
import io.protohive.plugin.api.Configuration;
import java.time.Duration;

/**
 * A fake vendor server behind a provider that calls one over HTTP: besides answering, it fails with
 * the vendor's errors, never answers, and counts the requests it received.
 */
public interface RemoteLlmUpstream extends LlmUpstream {

  /** A tenant's configuration that points the models here and sets their timeout. */
  Configuration configuration(Duration timeout);

  /**
   * Makes the next chat request fail with this HTTP status and the vendor's error body.
   *
   * @return the message the body carries, which the error a caller gets must repeat
   */
  String willFail(int status);

  /** Makes the next chat request be accepted and never answered, until the upstream is closed. */
  void willHang();

  /** The chat requests received so far, answered or not. */
  int chatRequests();

  /** The input and output tokens the server reported in its answers so far, each summed. */
  TokenUsage reportedUsage();

  @Override
  default Configuration configuration() {
    return configuration(Duration.ofSeconds(10));
  }
}

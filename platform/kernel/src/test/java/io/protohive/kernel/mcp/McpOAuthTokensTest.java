package io.protohive.kernel.mcp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class McpOAuthTokensTest {

  @Test
  void aTokenAnswerGivesTheTokenAndItsLifetime() {
    McpTokenCache.Issued issued =
        McpOAuthTokens.issued(
            200, bytes("{\"access_token\":\"abc\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
    assertThat(issued).isEqualTo(new McpTokenCache.Issued("abc", Duration.ofHours(1)));
  }

  @Test
  void anErrorAnswerGivesItsCodeAndDescription() {
    assertThatThrownBy(
            () ->
                McpOAuthTokens.issued(
                    401,
                    bytes(
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")))
        .isInstanceOf(McpConnection.Failure.class)
        .hasMessage(
            "the OAuth token endpoint refused: invalid_client, Client authentication failed");
  }

  @Test
  void anAnswerThatIsNoTokenSaysSo() {
    assertThatThrownBy(() -> McpOAuthTokens.issued(502, bytes("<html>Bad gateway</html>")))
        .hasMessage("the OAuth token endpoint answered HTTP 502 without a JSON object");
    assertThatThrownBy(() -> McpOAuthTokens.issued(200, bytes("{\"token_type\":\"Bearer\"}")))
        .hasMessage("the OAuth token endpoint answered no access_token");
    assertThatThrownBy(
            () ->
                McpOAuthTokens.issued(
                    200, bytes("{\"access_token\":\"a\",\"token_type\":\"mac\"}")))
        .hasMessageContaining("not a bearer token");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}

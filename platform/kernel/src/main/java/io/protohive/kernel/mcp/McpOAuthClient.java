package io.protohive.kernel.mcp;

/**
 * How the platform gets an access token for an MCP server with the OAuth 2.0 client credentials
 * grant (RFC 6749 §4.4): the token endpoint, the client's id and secret, and the scope to ask for.
 *
 * @param scope {@code null} to ask for the client's default scope
 */
public record McpOAuthClient(String tokenUrl, String clientId, String clientSecret, String scope) {

  /** Leaves the secret out, so that no log or message quotes it. */
  @Override
  public String toString() {
    return "McpOAuthClient[tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", scope="
        + scope
        + "]";
  }
}

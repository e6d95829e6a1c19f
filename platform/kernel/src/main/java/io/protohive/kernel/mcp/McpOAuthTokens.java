package io.protohive.kernel.mcp;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens for MCP servers reached with the OAuth 2.0 client credentials grant (RFC 6749
 * §4.4): the client authenticates with HTTP Basic (§2.3.1), no redirect is followed and no more
 * than a small answer is read. Tokens are kept per server on this node ({@link McpTokenCache}).
 */
@ApplicationScoped
public class McpOAuthTokens {

  /** The most of a token endpoint's answer read: a token answer is a few hundred bytes. */
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** The longest error description quoted from a token endpoint. */
  private static final int MAX_DESCRIPTION_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final McpTokenCache cache = new McpTokenCache(Clock.systemUTC());

  /** The server's access token, kept until shortly before it expires. */
  String bearer(UUID serverId, McpOAuthClient client, Duration timeout) {
    return cache.token(serverId, () -> fetch(client, timeout));
  }

  /** Drops the server's token, so the next call fetches a fresh one. */
  void forget(UUID serverId) {
    cache.forget(serverId);
  }

  /**
   * A fresh token from the client's token endpoint, whose address has been checked.
   *
   * @throws McpConnection.Failure with the reason when the endpoint gives none
   */
  McpTokenCache.Issued fetch(McpOAuthClient client, Duration timeout) {
    String form =
        "grant_type=client_credentials"
            + (client.scope() == null ? "" : "&scope=" + URLEncoder.encode(client.scope(), UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(client.tokenUrl()))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("Authorization", "Basic " + basic(client))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .build();
    int status;
    byte[] body;
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_ANSWER_BYTES + 1);
      }
    } catch (HttpTimeoutException e) {
      throw failure("did not answer in time");
    } catch (IOException e) {
      throw failure("could not be reached");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("was not waited for");
    }
    if (body.length > MAX_ANSWER_BYTES) {
      throw failure("answered more than " + MAX_ANSWER_BYTES + " bytes");
    }
    return issued(status, body);
  }

  /** The token in an answer of the token endpoint (RFC 6749 §5.1), or why there is none (§5.2). */
  static McpTokenCache.Issued issued(int status, byte[] body) {
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      throw failure("answered HTTP " + status + " without a JSON object");
    }
    if (answer.hasNonNull("error")) {
      String description = answer.path("error_description").asText("");
      if (description.length() > MAX_DESCRIPTION_CHARS) {
        description = description.substring(0, MAX_DESCRIPTION_CHARS) + "…";
      }
      throw failure(
          "refused: "
              + answer.get("error").asText()
              + (description.isEmpty() ? "" : ", " + description));
    }
    if (status / 100 != 2) {
      throw failure("answered HTTP " + status);
    }
    JsonNode token = answer.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      throw failure("answered no access_token");
    }
    String type = answer.path("token_type").asText("Bearer");
    if (!type.equalsIgnoreCase("Bearer")) {
      throw failure("gave a token of type " + type + ", not a bearer token");
    }
    JsonNode expiresIn = answer.get("expires_in");
    return new McpTokenCache.Issued(
        token.asText(),
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? Duration.ofSeconds(expiresIn.asLong())
            : null);
  }

  /** The client's id and secret as RFC 6749 §2.3.1 has them form-encoded before Basic encoding. */
  private static String basic(McpOAuthClient client) {
    String pair =
        URLEncoder.encode(client.clientId(), UTF_8)
            + ":"
            + URLEncoder.encode(client.clientSecret(), UTF_8);
    return Base64.getEncoder().encodeToString(pair.getBytes(UTF_8));
  }

  private static McpConnection.Failure failure(String reason) {
    return new McpConnection.Failure("the OAuth token endpoint " + reason);
  }
}

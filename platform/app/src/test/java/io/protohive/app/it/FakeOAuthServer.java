package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2.0 token endpoint on a loopback port that grants client credentials (RFC 6749 §4.4) to
 * one client authenticating with HTTP Basic, answering RFC 6749 JSON. It hands out its current
 * access token until it is told to rotate to a new one, as after a revocation.
 */
final class FakeOAuthServer implements AutoCloseable {

  private final HttpServer server;
  private final String clientId;
  private final String clientSecret;
  private final AtomicInteger generation = new AtomicInteger(1);
  private final AtomicInteger granted = new AtomicInteger();

  private FakeOAuthServer(String clientId, String clientSecret) throws IOException {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::token);
    server.start();
  }

  static FakeOAuthServer start(String clientId, String clientSecret) throws IOException {
    return new FakeOAuthServer(clientId, clientSecret);
  }

  String tokenUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/token";
  }

  /** The access token it grants now. */
  String current() {
    return "access-" + generation.get();
  }

  /** Grants another token from now on; the one granted before is no longer let in. */
  void rotate() {
    generation.incrementAndGet();
  }

  /** How many tokens it granted. */
  int granted() {
    return granted.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void token(HttpExchange exchange) throws IOException {
    try {
      String form = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      String expected =
          "Basic "
              + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(UTF_8));
      if (!"POST".equals(exchange.getRequestMethod())
          || !exchange
              .getRequestHeaders()
              .getFirst("Content-Type")
              .startsWith("application/x-www-form-urlencoded")
          || !form.contains("grant_type=client_credentials")) {
        send(exchange, 400, "{\"error\":\"invalid_request\"}");
      } else if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
        send(
            exchange,
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
      } else {
        granted.incrementAndGet();
        send(
            exchange,
            200,
            "{\"access_token\":\""
                + current()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"tools\"}");
      }
    } finally {
      exchange.close();
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}

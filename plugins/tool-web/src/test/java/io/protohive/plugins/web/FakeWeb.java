package io.protohive.plugins.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.ToolContext;
import io.protohive.pluginhost.PluginNetwork;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A web server on 127.0.0.1 that the tests, playing the operator, let the plugin reach by the name
 * {@code localhost}; each test adds the pages it needs and sees the requests it got.
 */
final class FakeWeb implements AutoCloseable {

  /** What the server was asked: method, path with query, and the headers the tests look at. */
  record Request(String method, String target, Map<String, String> headers, String body) {}

  @FunctionalInterface
  interface Page {
    void answer(HttpExchange exchange) throws IOException;
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final CountDownLatch released = new CountDownLatch(1);

  FakeWeb() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
  }

  FakeWeb page(String path, Page page) {
    server.createContext(
        path,
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  Map.of(
                      "X-Subscription-Token",
                      String.valueOf(exchange.getRequestHeaders().getFirst("X-Subscription-Token")),
                      "Authorization",
                      String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))),
                  body));
          page.answer(exchange);
        });
    return this;
  }

  /** A page that answers with the given type and body. */
  FakeWeb page(String path, String type, String body) {
    return page(path, exchange -> respond(exchange, 200, type, body));
  }

  /** A page that does not answer until the test ends. */
  FakeWeb hanging(String path) {
    return page(
        path,
        exchange -> {
          try {
            released.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          respond(exchange, 200, "application/json", "{}");
        });
  }

  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  /** A call's context with the settings, through the host's client, this server allowed. */
  ToolContext context(Map<String, String> settings) {
    return ToolContext.builder(UUID.randomUUID())
        .configuration(Configuration.of(settings))
        .deadline(Instant.now().plusSeconds(10))
        .http(
            new PluginNetwork(
                    List.of(HostPattern.parse("localhost:" + server.getAddress().getPort())))
                .forPlugin("io.protohive.plugins.tool-web", List.of(HostPattern.parse("*"))))
        .build();
  }

  static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}

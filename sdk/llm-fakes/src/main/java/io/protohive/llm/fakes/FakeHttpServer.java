package io.protohive.llm.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The common base of the fake LLM servers: an HTTP server on 127.0.0.1 at a free port that records
 * every request it receives and hands it to {@link #respond}. Subclasses speak one vendor's API;
 * tests script them and read back what the client sent.
 *
 * <p>Each request is served on its own thread, so a fake can delay or hang one answer while others
 * proceed; {@link #close()} ends those waits, which keeps a hanging scenario from outliving its
 * test.
 */
public abstract class FakeHttpServer implements AutoCloseable {

  static {
    // a vendor sends each streamed piece as it is written; the JDK's server otherwise lets Nagle's
    // algorithm hold a piece until the client acknowledges the last, about 40 ms on loopback
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** Shared by the fakes for reading request bodies and writing answers. */
  protected static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();

  protected FakeHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open a loopback port", e);
    }
    executor = Executors.newCachedThreadPool(FakeHttpServer::daemonThread);
    server.setExecutor(executor);
    server.createContext("/", this::serve);
    server.start();
  }

  /**
   * Answers one request. The request is recorded before this is called; an exception thrown here
   * becomes a plain 500 without an API error body.
   */
  protected abstract void respond(ReceivedRequest request, HttpExchange exchange)
      throws IOException;

  /** The server's root, such as {@code http://127.0.0.1:41234}, without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every request received so far, oldest first. */
  public List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The most recent request; fails when none has arrived. */
  public ReceivedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("No request has arrived");
    }
    return requests.get(requests.size() - 1);
  }

  /** Stops listening and releases every answer that is still delayed or hanging. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** Waits for the given time, or less if the server is closed meanwhile. */
  protected final void pause(Duration duration) {
    try {
      closed.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the server is closed: an upstream that accepted a request and never answers. */
  protected final void hangUntilClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sends a complete JSON answer with the given status and extra headers. */
  protected static void sendJson(
      HttpExchange exchange, int status, String json, Map<String, String> headers)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    headers.forEach(exchange.getResponseHeaders()::add);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Starts a chunked 200 answer of the given content type, such as {@code text/event-stream}; the
   * caller writes and flushes the events and closes the stream.
   */
  protected static OutputStream startStream(HttpExchange exchange, String contentType)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    return exchange.getResponseBody();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      ReceivedRequest request = ReceivedRequest.of(exchange);
      requests.add(request);
      respond(request, exchange);
    } catch (IOException | RuntimeException e) {
      // the client went away, or the scenario failed: answer if nothing was sent yet
      if (exchange.getResponseCode() == -1) {
        exchange.sendResponseHeaders(500, -1);
      }
    }
  }

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "fake-llm-server");
    thread.setDaemon(true);
    return thread;
  }

  /**
   * A request as the fake received it.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param path the path without the query, such as {@code /v1/chat/completions}
   * @param headers the headers by lower-case name
   * @param body the body as UTF-8 text, empty when there was none
   */
  public record ReceivedRequest(
      String method, String path, Map<String, List<String>> headers, String body) {

    public ReceivedRequest {
      headers = Map.copyOf(headers);
    }

    static ReceivedRequest of(HttpExchange exchange) throws IOException {
      Map<String, List<String>> headers = new TreeMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      return new ReceivedRequest(
          exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
    }

    /** The first value of a header, matched regardless of case, or {@code null}. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("The request body is not JSON: " + body, e);
      }
    }
  }
}

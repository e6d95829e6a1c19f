package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An MCP server on a loopback port that speaks the streamable HTTP transport's JSON-RPC (one JSON
 * answer per POST, no sessions) and whose tools go wrong on purpose: {@code hang} never answers,
 * {@code huge} answers a gigabyte, {@code drop} hangs up in the middle of its answer, {@code count}
 * refuses the arguments its own schema declares, {@code garbled} answers a result that is no tool
 * result, and {@code junk} declares a schema that is no schema. {@code echo} and {@code note}
 * behave: the one repeats its message, the other answers the note it was started with. Started with
 * a bearer token to require, it answers 401 to any request that does not carry it.
 */
final class MisbehavingMcpServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long GIGABYTE = 1L << 30;

  private static final String TOOLS =
      """
      [{"name":"echo","description":"Repeats the message.","inputSchema":{"type":"object",
        "properties":{"message":{"type":"string"}},"required":["message"]}},
       {"name":"note","description":"Reads the note of the day.",
        "inputSchema":{"type":"object"}},
       {"name":"hang","description":"Takes its time.","inputSchema":{"type":"object"}},
       {"name":"huge","description":"Tells everything.","inputSchema":{"type":"object"}},
       {"name":"drop","description":"Hangs up.","inputSchema":{"type":"object"}},
       {"name":"count","description":"Counts to n.","inputSchema":{"type":"object",
        "properties":{"n":{"type":"integer"}},"required":["n"]}},
       {"name":"garbled","description":"Answers nonsense.","inputSchema":{"type":"object"}},
       {"name":"junk","description":"Has a schema that is no schema.","inputSchema":{
        "type":"object","properties":{"a":42,"b":["x"],"c":{"type":7}},"required":"all",
        "description":{"not":"text"}}}]""";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final String note;
  private final AtomicInteger hanging = new AtomicInteger();
  private final AtomicLong hugeBytesSent = new AtomicLong();
  private final Supplier<String> requiredBearer;
  private final AtomicInteger refused = new AtomicInteger();

  private MisbehavingMcpServer(String note, Supplier<String> requiredBearer) throws IOException {
    this.note = note;
    this.requiredBearer = requiredBearer;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/mcp", this::exchange);
    // a hanging call holds its thread: the others must go on
    server.setExecutor(threads);
    server.start();
  }

  /** A server whose {@code note} tool answers the note. */
  static MisbehavingMcpServer start(String note) throws IOException {
    return new MisbehavingMcpServer(note, null);
  }

  /** A server that lets in only requests carrying the bearer token {@code bearer} gives then. */
  static MisbehavingMcpServer requiring(String note, Supplier<String> bearer) throws IOException {
    return new MisbehavingMcpServer(note, bearer);
  }

  /** How many requests were refused for want of the bearer token. */
  int refused() {
    return refused.get();
  }

  String url() {
    return "http://localhost:" + server.getAddress().getPort() + "/mcp";
  }

  /** How many calls of {@code hang} are waiting for an answer. */
  int hanging() {
    return hanging.get();
  }

  /** How much of its gigabyte {@code huge} sent before the client stopped reading. */
  long hugeBytesSent() {
    return hugeBytesSent.get();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try {
      if (requiredBearer != null
          && !("Bearer " + requiredBearer.get())
              .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        refused.incrementAndGet();
        exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        // no stream of server messages, no sessions to end
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      if (!request.has("id")) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      String method = request.path("method").asText();
      switch (method) {
        case "initialize" ->
            answer(
                exchange,
                request,
                """
                {"protocolVersion":%s,"capabilities":{"tools":{}},
                 "serverInfo":{"name":"misbehaving","version":"1.0"}}"""
                    .formatted(request.path("params").path("protocolVersion")));
        case "tools/list" -> answer(exchange, request, "{\"tools\":" + TOOLS + "}");
        case "tools/call" -> call(exchange, request);
        default -> error(exchange, request, -32601, "Method not found: " + method);
      }
    } finally {
      exchange.close();
    }
  }

  private void call(HttpExchange exchange, JsonNode request) throws IOException {
    JsonNode params = request.path("params");
    switch (params.path("name").asText()) {
      case "echo" ->
          text(exchange, request, "Echo: " + params.path("arguments").path("message").asText());
      case "note" -> text(exchange, request, note);
      case "junk" -> text(exchange, request, "Ran with a schema that is no schema.");
      case "hang" -> hang();
      case "huge" -> huge(exchange, request);
      case "drop" -> drop(exchange, request);
      case "count" ->
          error(exchange, request, -32602, "Invalid params: n must be a word, such as seven");
      case "garbled" -> answer(exchange, request, "{\"content\":\"all good\",\"isError\":[1]}");
      default -> error(exchange, request, -32602, "Unknown tool");
    }
  }

  private void hang() {
    hanging.incrementAndGet();
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hanging.decrementAndGet();
    }
  }

  private void huge(HttpExchange exchange, JsonNode request) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    OutputStream body = exchange.getResponseBody();
    body.write(
        ("{\"jsonrpc\":\"2.0\",\"id\":"
                + request.get("id")
                + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"")
            .getBytes(UTF_8));
    byte[] chunk = "a".repeat(64 * 1024).getBytes(UTF_8);
    try {
      while (hugeBytesSent.get() < GIGABYTE) {
        body.write(chunk);
        hugeBytesSent.addAndGet(chunk.length);
      }
      body.write("\"}]}}".getBytes(UTF_8));
    } catch (IOException stoppedReading) {
      // the client hung up, as it should long before the gigabyte
    }
  }

  private static void drop(HttpExchange exchange, JsonNode request) throws IOException {
    byte[] start = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"res").getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 1000);
    exchange.getResponseBody().write(start);
    exchange.getResponseBody().flush();
    // closing short of the length promised drops the connection
  }

  private static void text(HttpExchange exchange, JsonNode request, String text)
      throws IOException {
    ObjectNode result = JSON.createObjectNode();
    result.putArray("content").addObject().put("type", "text").put("text", text);
    answer(exchange, request, JSON.writeValueAsString(result));
  }

  private static void error(HttpExchange exchange, JsonNode request, int code, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode().put("code", code).put("message", message);
    send(
        exchange,
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + request.get("id")
            + ",\"error\":"
            + JSON.writeValueAsString(error)
            + "}");
  }

  private static void answer(HttpExchange exchange, JsonNode request, String result)
      throws IOException {
    send(
        exchange,
        "{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ",\"result\":" + result + "}");
  }

  private static void send(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}

package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kept sessions with the protocol's reference server over streamable HTTP, reached through a relay
 * that can forget sessions as a restarted server does, hang, or break a connection after the
 * request reached the server. Needs Node.js and the server bin/prepare-test-machine installs.
 */
class McpSessionsTest {

  private static final Path EVERYTHING =
      Path.of("/opt/protohive-test/mcp/node_modules/.bin/mcp-server-everything");
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Map<String, Object> HI = Map.of("message", "hi");

  private final McpSessions sessions = new McpSessions();
  private final UUID serverId = UUID.randomUUID();
  private final AtomicInteger opened = new AtomicInteger();
  private Process everything;
  private Relay relay;

  @BeforeEach
  void start() throws IOException {
    assertThat(Files.isExecutable(EVERYTHING))
        .as(EVERYTHING + " (bin/prepare-test-machine installs it)")
        .isTrue();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(EVERYTHING.toString(), "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(new File("target/mcp-sessions-test-server.log"));
    builder.environment().put("PORT", String.valueOf(port));
    everything = builder.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> listening(port));
    relay = new Relay("http://127.0.0.1:" + port);
  }

  @AfterEach
  void stop() {
    sessions.stopAll();
    relay.server.stop(0);
    everything.destroy();
  }

  @Test
  void callsShareOneSessionAtOnce() {
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<McpAnswer>> answers =
          IntStream.range(0, 16)
              .mapToObj(i -> CompletableFuture.supplyAsync(this::echo, pool))
              .toList();
      assertThat(answers)
          .allSatisfy(answer -> assertThat(answer.join().text()).isEqualTo("Echo: hi"));
    } finally {
      pool.shutdown();
    }
    assertThat(opened).hasValue(1);
    assertThat(relay.calls).hasValue(16);
  }

  @Test
  void aSessionTheServerNoLongerKnowsIsOpenedAgainAndTheCallMadeThere() {
    echo();
    relay.forgetSessions();

    assertThat(echo().text()).isEqualTo("Echo: hi");

    assertThat(opened).hasValue(2);
    assertThat(relay.calls).hasValue(2);
  }

  @Test
  void aCallThatMayHaveReachedTheServerIsNotMadeTwice() {
    echo();
    relay.breakAfterNextCall = true;

    assertThatThrownBy(this::echo).isInstanceOf(McpConnection.Failure.class);

    assertThat(relay.calls).hasValue(2);
    assertThat(echo().text()).isEqualTo("Echo: hi");
    assertThat(opened).hasValue(2);
  }

  @Test
  void aHangingServerFailsTheCallInTimeAndTheNextCallHasAFreshSession() {
    echo();
    relay.hanging = new CountDownLatch(1);
    long began = System.nanoTime();

    assertThatThrownBy(this::echo)
        .isInstanceOf(McpConnection.Failure.class)
        .hasMessage("the server did not answer in time");

    assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(TIMEOUT.multipliedBy(2));
    relay.hanging.countDown();
    relay.hanging = null;
    assertThat(echo().text()).isEqualTo("Echo: hi");
    assertThat(opened).hasValue(2);
  }

  @Test
  void aStoppedServersSessionIsClosed() {
    echo();
    sessions.stop(serverId);

    echo();

    assertThat(opened).hasValue(2);
  }

  private McpAnswer echo() {
    McpEndpoint endpoint =
        new McpEndpoint(
            relay.url,
            timeout -> {
              opened.incrementAndGet();
              return McpConnection.http(relay.url, null, timeout);
            });
    return sessions.use(
        serverId, endpoint, TIMEOUT, tools -> {}, client -> McpConnection.call(client, "echo", HI));
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Passes the client's posts on to the server. The stream the client may hold open for news is
   * declined, which the protocol allows.
   */
  private static final class Relay {
    final HttpServer server;
    final String url;
    final AtomicInteger calls = new AtomicInteger();
    final Set<String> forgotten = ConcurrentHashMap.newKeySet();
    final Set<String> known = ConcurrentHashMap.newKeySet();
    volatile boolean breakAfterNextCall;
    volatile CountDownLatch hanging;
    private final HttpClient client = HttpClient.newHttpClient();
    private final String target;

    Relay(String target) throws IOException {
      this.target = target;
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::relay);
      server.start();
      url = "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    void forgetSessions() {
      forgotten.addAll(known);
    }

    private void relay(HttpExchange exchange) throws IOException {
      try (exchange) {
        if (!exchange.getRequestMethod().equals("POST")) {
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        String session = exchange.getRequestHeaders().getFirst("Mcp-Session-Id");
        if (session != null && forgotten.contains(session)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean call = new String(body, StandardCharsets.UTF_8).contains("\"tools/call\"");
        CountDownLatch hang = hanging;
        if (call && hang != null) {
          hang.await();
          return;
        }
        HttpRequest.Builder forwarded =
            HttpRequest.newBuilder(URI.create(target + "/mcp"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().entrySet().stream()
            .filter(
                h ->
                    Set.of("accept", "content-type", "mcp-session-id", "mcp-protocol-version")
                        .contains(h.getKey().toLowerCase()))
            .forEach(h -> h.getValue().forEach(v -> forwarded.header(h.getKey(), v)));
        HttpResponse<byte[]> answer =
            client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (call) {
          calls.incrementAndGet();
          if (breakAfterNextCall) {
            breakAfterNextCall = false;
            return;
          }
        }
        answer.headers().firstValue("mcp-session-id").ifPresent(known::add);
        answer
            .headers()
            .map()
            .forEach(
                (name, values) -> {
                  if (Set.of("content-type", "mcp-session-id").contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                  }
                });
        byte[] bytes = answer.body();
        exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

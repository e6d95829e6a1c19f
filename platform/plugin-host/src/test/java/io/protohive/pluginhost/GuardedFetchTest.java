package io.protohive.pluginhost;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.ToolContext;
import io.protohive.pluginhost.internal.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's guarded fetch, which every plugin gets through {@link HostHttp#fetch}, against real
 * servers on 127.0.0.1 that the tests, playing the operator, allow by the name {@code localhost}:
 * allow-lists, redirects to internal addresses, body caps, timeouts and cancellation.
 */
class GuardedFetchTest {

  private HttpServer server;
  private HttpServer other;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> otherRequests = new CopyOnWriteArrayList<>();
  private final List<String> lookedUp = new CopyOnWriteArrayList<>();
  private final CountDownLatch slowAnswers = new CountDownLatch(1);
  private final List<HostPattern> operatorPrivateHosts = new CopyOnWriteArrayList<>();

  private final Resolver resolver =
      host -> {
        lookedUp.add(host);
        return InetAddress.getAllByName(host.equals("localhost") ? "127.0.0.1" : host);
      };

  @BeforeEach
  void startServers() throws IOException {
    other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    other.createContext(
        "/",
        exchange -> {
          otherRequests.add(exchange.getRequestHeaders().getFirst("Authorization"));
          respond(exchange, 200, "text/plain", "other");
        });
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + path);
          switch (path) {
            case "/hello" -> respond(exchange, 200, "text/plain; charset=utf-8", "hello");
            case "/echo" ->
                respond(
                    exchange,
                    200,
                    "text/plain",
                    exchange.getRequestMethod()
                        + " "
                        + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            case "/slow" -> {
              awaitQuietly(slowAnswers);
              respond(exchange, 200, "text/plain", "late");
            }
            case "/big" -> respond(exchange, 200, "text/plain", "x".repeat(5000));
            case "/loop" -> redirect(exchange, 302, "/loop");
            case "/see-other" -> redirect(exchange, 303, "/echo");
            case "/temporary" -> redirect(exchange, 307, "/echo");
            case "/to-loopback" -> redirect(exchange, 302, "http://127.0.0.1:" + port(other) + "/");
            case "/to-other" ->
                redirect(exchange, 302, "http://127.0.0.1:" + port(other) + "/seen");
            default -> respond(exchange, 404, "text/plain", "not found");
          }
        });
    other.start();
    server.start();
    operatorPrivateHosts.add(HostPattern.parse("localhost:" + port(server)));
  }

  @AfterEach
  void stopServers() {
    slowAnswers.countDown();
    server.stop(0);
    other.stop(0);
  }

  @Test
  void readsTheBodyInItsCharset() throws Exception {
    HttpFetch.Response response = fetch(HttpFetch.get(url("/hello")).build(), context());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("hello");
    assertThat(response.mediaType()).isEqualTo("text/plain");
    assertThat(response.truncated()).isFalse();
  }

  @Test
  void refusesAHostOffTheAllowListWithoutLookingItUp() {
    HttpFetch request =
        HttpFetch.get(URI.create("http://evil.example/steal"))
            .allowedHosts(List.of(HostPattern.parse("api.example.com")))
            .build();

    assertThatThrownBy(() -> fetch(request, context()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessage("Refused: evil.example is not on this tenant's allow-list.");
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void refusesLoopbackTheOperatorDidNotAllow() {
    assertThatThrownBy(
            () ->
                fetch(
                    HttpFetch.get(URI.create("http://127.0.0.1:" + port(server) + "/hello"))
                        .build(),
                    context()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageStartingWith("Refused: 127.0.0.1 is a loopback address");
    assertThat(requests).isEmpty();
  }

  @Test
  void truncatesTheBodyAtTheLimit() throws Exception {
    HttpFetch.Response response =
        fetch(HttpFetch.get(url("/big")).maxBytes(1000).build(), context());

    assertThat(response.text()).isEqualTo("x".repeat(1000));
    assertThat(response.truncated()).isTrue();
  }

  @Test
  void refusesARedirectToLoopback() {
    assertThatThrownBy(() -> fetch(HttpFetch.get(url("/to-loopback")).build(), context()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageStartingWith("Refused: 127.0.0.1 is a loopback address");
    assertThat(requests).containsExactly("GET /to-loopback");
    assertThat(otherRequests).isEmpty();
  }

  @Test
  void checksEveryRedirectAgainstTheAllowList() {
    operatorPrivateHosts.add(HostPattern.parse("127.0.0.1:" + port(other)));
    HttpFetch request =
        HttpFetch.get(url("/to-other"))
            .allowedHosts(List.of(HostPattern.parse("localhost:" + port(server))))
            .build();

    assertThatThrownBy(() -> fetch(request, context()))
        .hasMessage("Refused: 127.0.0.1:" + port(other) + " is not on this tenant's allow-list.");
    assertThat(otherRequests).isEmpty();
  }

  @Test
  void givesUpAfterFiveRedirects() {
    assertThatThrownBy(() -> fetch(HttpFetch.get(url("/loop")).build(), context()))
        .isInstanceOf(HttpFetch.Failed.class)
        .hasMessage("Gave up after 5 redirects.");
    assertThat(requests).hasSize(HttpFetch.DEFAULT_MAX_REDIRECTS + 1);
  }

  @Test
  void dropsHeadersOnARedirectToAnotherOrigin() throws Exception {
    operatorPrivateHosts.add(HostPattern.parse("127.0.0.1:" + port(other)));
    HttpFetch.Response response =
        fetch(
            HttpFetch.get(url("/to-other")).header("Authorization", "Bearer t0ken").build(),
            context());

    assertThat(response.text()).isEqualTo("other");
    assertThat(response.uri().getPort()).isEqualTo(port(other));
    assertThat(otherRequests).hasSize(1).containsOnlyNulls();
  }

  @Test
  void aPostRedirectedWith303BecomesAGetAndWith307StaysAPost() throws Exception {
    HttpFetch.Response seeOther =
        fetch(HttpFetch.post(url("/see-other"), "a=1", "text/plain").build(), context());
    HttpFetch.Response temporary =
        fetch(HttpFetch.post(url("/temporary"), "a=1", "text/plain").build(), context());

    assertThat(seeOther.text()).isEqualTo("GET ");
    assertThat(temporary.text()).isEqualTo("POST a=1");
  }

  @Test
  void givesUpWhenTheServerIsTooSlow() {
    Instant start = Instant.now();

    assertThatThrownBy(
            () ->
                fetch(
                    HttpFetch.get(url("/slow")).timeout(Duration.ofSeconds(1)).build(), context()))
        .isInstanceOf(HttpFetch.Failed.class)
        .hasMessage("localhost:" + port(server) + " did not answer in time.");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void stopsAtTheCallsDeadlineBeforeItsOwnTimeout() {
    Instant start = Instant.now();
    ToolContext shortCall =
        ToolContext.builder(UUID.randomUUID()).deadline(Instant.now().plusSeconds(1)).build();

    assertThatThrownBy(
            () ->
                fetch(
                    HttpFetch.get(url("/slow")).timeout(Duration.ofSeconds(30)).build(), shortCall))
        .isInstanceOf(HttpFetch.Failed.class);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void sendsNothingOnceTheCallIsCancelled() {
    ToolContext cancelled = ToolContext.builder(UUID.randomUUID()).cancelled(() -> true).build();

    assertThatThrownBy(() -> fetch(HttpFetch.get(url("/hello")).build(), cancelled))
        .isInstanceOf(HttpFetch.Failed.class)
        .hasMessage("The call was cancelled or ran out of time.");
    assertThat(requests).isEmpty();
  }

  @Test
  void namesAHeaderItCannotSendButNotItsValue() {
    assertThatThrownBy(
            () ->
                fetch(
                    HttpFetch.get(url("/hello")).header("Authorization", "t0ken\r\nX: y").build(),
                    context()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessage("The header 'Authorization' cannot be sent: it is restricted or malformed.");
    assertThat(requests).isEmpty();
  }

  /** The main server's URL, by a name the operator lists as private. */
  private URI url(String path) {
    return URI.create("http://localhost:" + port(server) + path);
  }

  private HttpFetch.Response fetch(HttpFetch request, ToolContext context) throws Exception {
    HostHttp http =
        new PluginNetwork(List.copyOf(operatorPrivateHosts), resolver)
            .forPlugin("acme.tool", List.of(HostPattern.parse("*")));
    return http.fetch(request, context);
  }

  private static ToolContext context() {
    return ToolContext.builder(UUID.randomUUID()).deadline(Instant.now().plusSeconds(10)).build();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int port(HttpServer server) {
    return server.getAddress().getPort();
  }

  private static void redirect(HttpExchange exchange, int status, String location)
      throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    respond(exchange, status, "text/plain", "");
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}

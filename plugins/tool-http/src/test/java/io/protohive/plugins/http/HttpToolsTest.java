package io.protohive.plugins.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import io.protohive.pluginhost.PluginNetwork;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both tools against real HTTP servers on 127.0.0.1, through the host's own HTTP client as the
 * platform hands it to this plugin; the servers' names are reachable only because the tests play
 * the operator who allows them. The guard itself (redirects, caps, timeouts, cancellation) is the
 * host's, tested in plugin-host's {@code GuardedFetchTest}; these tests check what the tools make
 * of it.
 */
class HttpToolsTest {

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<HostPattern> operatorPrivateHosts = new CopyOnWriteArrayList<>();

  private final HttpGetTool get = new HttpGetTool();
  private final HttpPostTool post = new HttpPostTool();

  @BeforeEach
  void startServers() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(path);
          switch (path) {
            case "/hello" -> {
              exchange.getResponseHeaders().add("Set-Cookie", "session=secret");
              respond(exchange, 200, "text/plain; charset=utf-8", "hello");
            }
            case "/echo" ->
                respond(
                    exchange,
                    201,
                    "text/plain",
                    exchange.getRequestMethod()
                        + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " "
                        + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
            case "/big" -> respond(exchange, 200, "text/plain", "x".repeat(5000));
            default -> respond(exchange, 404, "text/plain", "not found");
          }
        });
    server.start();
    operatorPrivateHosts.add(HostPattern.parse("localhost:" + port(server)));
  }

  @AfterEach
  void stopServers() {
    server.stop(0);
  }

  @Test
  void refusesLoopbackTheOperatorDidNotAllow() throws Exception {
    ToolResult result =
        get.invoke(
            Map.of("url", "http://127.0.0.1:" + port(server) + "/hello"),
            context(Map.of("allowedHosts", "127.0.0.1")));

    assertThat(result.isError()).isTrue();
    assertThat(result.content())
        .isEqualTo(
            "Refused: 127.0.0.1 is a loopback address; only the platform's operator can allow it,"
                + " under protohive.plugins.private-hosts.");
    assertThat(requests).isEmpty();
  }

  @Test
  void refusesCloudMetadataEvenWhenAllowed() throws Exception {
    ToolResult result =
        get.invoke(
            Map.of("url", "http://169.254.169.254/latest/meta-data"),
            context(Map.of("allowedHosts", "169.254.169.254")));

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).startsWith("Refused: 169.254.169.254 is a link-local address");
  }

  @Test
  void refusesAHostOffTheTenantsAllowList() throws Exception {
    ToolResult result =
        get.invoke(
            Map.of("url", "http://evil.example/steal"),
            context(Map.of("allowedHosts", "api.example.com\n*.example.org")));

    assertThat(result.content())
        .isEqualTo("Refused: evil.example is not on this tenant's allow-list.");
  }

  @Test
  void refusesOtherSchemes() throws Exception {
    ToolResult result =
        get.invoke(Map.of("url", "file:///etc/passwd"), context(Map.of("allowedHosts", "*.org")));

    assertThat(result.content()).isEqualTo("Refused: only http and https URLs can be called.");
  }

  @Test
  void getsFromAnAllowedPrivateHost() throws Exception {
    ToolResult result = get.invoke(Map.of("url", url("/hello")), privateServer(Map.of()));

    assertThat(result.kind()).isEqualTo(ToolResult.Kind.JSON);
    assertThat(result.content())
        .startsWith("{\"status\":200,\"headers\":{\"content-type\":\"text/plain; charset=utf-8\"")
        .endsWith(",\"body\":\"hello\",\"truncated\":false}")
        .doesNotContain("secret");
  }

  @Test
  void postsTheBodyAsJsonByDefault() throws Exception {
    ToolResult result =
        post.invoke(Map.of("url", url("/echo"), "body", "{\"a\":1}"), privateServer(Map.of()));

    assertThat(result.content())
        .startsWith("{\"status\":201,")
        .contains("\"body\":\"POST application/json {\\\"a\\\":1}\"");
  }

  @Test
  void postsWithTheGivenContentType() throws Exception {
    ToolResult result =
        post.invoke(
            Map.of("url", url("/echo"), "body", "a=1", "contentType", "text/plain"),
            privateServer(Map.of()));

    assertThat(result.content()).contains("\"body\":\"POST text/plain a=1\"");
  }

  @Test
  void truncatesTheBodyAtTheLimit() throws Exception {
    ToolResult result =
        get.invoke(Map.of("url", url("/big")), privateServer(Map.of("maxResponseBytes", "1000")));

    assertThat(result.content())
        .contains("\"body\":\"" + "x".repeat(1000) + "\",\"truncated\":true}");
  }

  @Test
  void namesAHeaderItCannotSendButNotItsValue() throws Exception {
    ToolResult result =
        get.invoke(
            Map.of("url", url("/hello"), "headers", Map.of("Authorization", "t0ken\r\nX: y")),
            privateServer(Map.of()));

    assertThat(result.content())
        .isEqualTo("The header 'Authorization' cannot be sent: it is restricted or malformed.");
  }

  @Test
  void explainsAMissingAllowList() throws Exception {
    ToolResult result = get.invoke(Map.of("url", url("/hello")), context(Map.of()));

    assertThat(result.content()).startsWith("No host is allowed yet");
  }

  @Test
  void bothToolsShareOneConfiguration() {
    assertThat(get.configuration()).isEqualTo(post.configuration());
    assertThat(get.configuration())
        .extracting(ConfigurationProperty::key)
        .containsExactly("allowedHosts", "maxResponseBytes", "timeoutSeconds");
    assertThat(post.parametersSchema()).contains("\"body\"", "\"contentType\"", "\"url\"");
  }

  /** The main server's URL, by a name the tenant allows and the operator lists as private. */
  private String url(String path) {
    return "http://localhost:" + port(server) + path;
  }

  private ToolContext privateServer(Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>();
    settings.put("allowedHosts", "localhost:" + port(server) + "\n127.0.0.1");
    settings.putAll(overrides);
    return context(settings);
  }

  private ToolContext context(Map<String, String> settings) {
    return ToolContext.builder(UUID.randomUUID())
        .configuration(Configuration.of(settings))
        .deadline(Instant.now().plusSeconds(10))
        .http(hostHttp())
        .build();
  }

  /** The host's client for this plugin, which declares every host. */
  private HostHttp hostHttp() {
    return new PluginNetwork(List.copyOf(operatorPrivateHosts))
        .forPlugin("io.protohive.plugins.tool-http", List.of(HostPattern.parse("*")));
  }

  private static int port(HttpServer server) {
    return server.getAddress().getPort();
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

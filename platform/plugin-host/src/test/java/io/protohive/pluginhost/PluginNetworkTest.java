package io.protohive.pluginhost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import io.protohive.pluginhost.internal.Resolver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The host's HTTP client attacked by a plugin: undeclared hosts, internal addresses, tricks. */
class PluginNetworkTest {

  private final Map<String, List<String>> dns = new HashMap<>();
  private final List<String> lookedUp = new ArrayList<>();
  private HttpServer server;

  private final Resolver resolver =
      host -> {
        lookedUp.add(host);
        List<String> addresses = dns.get(host);
        if (addresses == null && host.matches("[0-9.]+|.*:.*")) {
          return new InetAddress[] {InetAddress.getByName(host)}; // a literal resolves to itself
        }
        if (addresses == null) {
          throw new UnknownHostException(host);
        }
        InetAddress[] resolved = new InetAddress[addresses.size()];
        for (int i = 0; i < resolved.length; i++) {
          resolved[i] = InetAddress.getByName(addresses.get(i));
        }
        return resolved;
      };

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    dns.put("localhost", List.of("127.0.0.1"));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private HostHttp plugin(List<String> operatorPrivateHosts, String... declared) {
    return new PluginNetwork(
            operatorPrivateHosts.stream().map(HostPattern::parse).toList(), resolver)
        .forPlugin("acme.tool", List.of(declared).stream().map(HostPattern::parse).toList());
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).build();
  }

  @Test
  void aHostThePluginDoesNotDeclareIsRefusedBeforeAnyLookup() {
    HostHttp http = plugin(List.of(), "api.example.com", "*.example.org");

    assertThatThrownBy(() -> http.send(get("https://evil.example.net/x"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessage(
            "Refused: the plugin acme.tool does not declare evil.example.net among its network"
                + " hosts.");
    assertThatThrownBy(() -> http.send(get("https://example.org/"), discarding()))
        .isInstanceOf(NetworkRefused.class);
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void anAddressPeopleGiveIsCheckedWithoutDeclaredHosts() throws Exception {
    dns.put("mcp.example.com", List.of("93.184.216.34"));
    PluginNetwork network = new PluginNetwork(List.of(HostPattern.parse("localhost")), resolver);

    network.checkAddress(URI.create("https://mcp.example.com/mcp"));
    network.checkAddress(URI.create("http://localhost:3001/mcp"));
    assertThatThrownBy(() -> network.checkAddress(URI.create("http://127.0.0.1:3001/mcp")))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageContaining("127.0.0.1 is a loopback");
    assertThatThrownBy(() -> network.checkAddress(URI.create("ftp://mcp.example.com/")))
        .isInstanceOf(NetworkRefused.class);
  }

  @Test
  void aDeclaredWildcardCoversSubdomains() {
    dns.put("a.example.org", List.of("93.184.216.34"));
    HostHttp http = plugin(List.of(), "*.example.org");

    // passes the checks: the address is public; the request then fails only to connect
    assertThatCode(() -> http.sendAsync(get("http://a.example.org:1/"), discarding()).cancel(true))
        .doesNotThrowAnyException();
    assertThat(lookedUp).containsExactly("a.example.org");
  }

  @Test
  void loopbackPrivateAndMetadataAddressesAreRefusedEvenWhenDeclared() {
    dns.put("internal.example", List.of("10.1.2.3"));
    HostHttp http = plugin(List.of(), "*");

    assertThatThrownBy(() -> http.send(get("http://localhost:" + port() + "/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessage(
            "Refused: localhost resolves to 127.0.0.1, a loopback address; only the platform's"
                + " operator can allow it, under protohive.plugins.private-hosts.");
    assertThatThrownBy(() -> http.send(get("http://169.254.169.254/latest/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageStartingWith("Refused: 169.254.169.254 is a link-local address");
    assertThatThrownBy(() -> http.send(get("http://internal.example/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageContaining("10.1.2.3, a private address");
  }

  @Test
  void aNameWithOnePublicAndOneInternalAddressIsRefused() {
    dns.put("mixed.example", List.of("93.184.216.34", "::ffff:127.0.0.1"));
    HostHttp http = plugin(List.of(), "mixed.example");

    assertThatThrownBy(() -> http.send(get("http://mixed.example/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageContaining("mixed.example resolves to 127.0.0.1, a loopback address");
  }

  @Test
  void anInternalHostTheOperatorListsIsReached() throws Exception {
    HostHttp http = plugin(List.of("localhost:" + port()), "localhost");

    HttpResponse<String> response =
        http.send(get("http://localhost:" + port() + "/"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("hello");
  }

  @Test
  void theOperatorsListDoesNotWidenWhatThePluginDeclares() {
    HostHttp http = plugin(List.of("localhost"), "api.example.com");

    assertThatThrownBy(() -> http.send(get("http://localhost:" + port() + "/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageContaining("does not declare localhost");
  }

  @Test
  void userInfoThatDisguisesTheHostIsRefused() {
    HostHttp http = plugin(List.of(), "*");

    assertThatThrownBy(() -> http.send(get("http://api.example.com@127.0.0.1/"), discarding()))
        .isInstanceOf(NetworkRefused.class)
        .hasMessageContaining("user name or password");
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static HttpResponse.BodyHandler<Void> discarding() {
    return HttpResponse.BodyHandlers.discarding();
  }
}

package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * MCP servers run as commands in the real sandbox: the protocol's reference server, installed by
 * bin/prepare-test-machine, answers over its standard input and output but reaches no network and
 * sees none of the platform's environment; a server whose tools change is heard. Needs bubblewrap
 * and Node.js, which the test machine has; without them these tests fail.
 */
class McpSessionTest {

  private static final Path EVERYTHING =
      Path.of("/opt/protohive-test/mcp/node_modules/.bin/mcp-server-everything");

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @Test
  void theReferenceServerAnswersFromItsSandbox() {
    try (McpSession server = everything()) {
      List<McpConnection.ListedTool> tools = server.use(McpConnection::listTools);
      McpAnswer echoed =
          server.use(client -> McpConnection.call(client, "echo", Map.of("message", "hi")));

      assertThat(tools)
          .extracting(McpConnection.ListedTool::name)
          .contains("echo", "get-env", "gzip-file-as-resource");
      assertThat(echoed).isEqualTo(new McpAnswer(false, "Echo: hi", List.of()));

      String environment =
          server.use(client -> McpConnection.call(client, "get-env", Map.of())).text();
      assertThat(environment).contains("\"HOME\": \"/work\"");
      assertThat(System.getenv().keySet())
          .filteredOn(name -> !List.of("PATH", "HOME", "LANG", "PWD").contains(name))
          .allSatisfy(name -> assertThat(environment).doesNotContain("\"" + name + "\""));
    }
  }

  @Test
  void theServerCannotReachTheHostsNetwork() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext(
        "/",
        exchange -> {
          asked.incrementAndGet();
          byte[] secret = "the host's secret".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, secret.length);
          exchange.getResponseBody().write(secret);
          exchange.close();
        });
    host.start();
    try (McpSession server = everything()) {
      McpAnswer fetched =
          server.use(
              client ->
                  McpConnection.call(
                      client,
                      "gzip-file-as-resource",
                      Map.of(
                          "name",
                          "secret.gz",
                          "data",
                          "http://127.0.0.1:" + host.getAddress().getPort() + "/secret",
                          "outputType",
                          "resource")));

      assertThat(fetched.error()).as(fetched.text()).isTrue();
      assertThat(fetched.text()).containsIgnoringCase("fetch failed");
      assertThat(asked).hasValue(0);
    } finally {
      host.stop(0);
    }
  }

  @Test
  void whenTheServerSaysItsToolsChangedTheyAreListedAgain() throws URISyntaxException {
    Path script =
        Path.of(getClass().getResource("/mcp/changing-server.cjs").toURI()).toAbsolutePath();
    List<List<String>> heard = new CopyOnWriteArrayList<>();
    StdioCommand command =
        StdioCommand.of("/usr/bin/node", List.of(script.toString()), script.getParent().toString());
    try (McpSession server =
        McpSession.open(
            McpEndpoint.command(command),
            TIMEOUT,
            tools -> heard.add(tools.stream().map(McpConnection.ListedTool::name).toList()))) {
      List<McpConnection.ListedTool> tools = server.use(McpConnection::listTools);
      assertThat(tools).extracting(McpConnection.ListedTool::name).containsExactly("grow");

      server.use(client -> McpConnection.call(client, "grow", Map.of()));

      await()
          .atMost(TIMEOUT)
          .untilAsserted(() -> assertThat(heard).contains(List.of("grow", "grown-1")));
      assertThat(server.serves(McpEndpoint.command(command), TIMEOUT)).isTrue();
    }
  }

  @Test
  void aCommandThatIsNoServerFailsToStart() {
    StdioCommand command = StdioCommand.of("/usr/bin/true", List.of(), "/usr/bin");

    assertThatThrownBy(
            () -> McpSession.open(McpEndpoint.command(command), Duration.ofSeconds(5), tools -> {}))
        .isInstanceOf(McpConnection.Failure.class);
  }

  private static McpSession everything() {
    assertThat(Files.isExecutable(EVERYTHING))
        .as(EVERYTHING + " (bin/prepare-test-machine installs it)")
        .isTrue();
    return McpSession.open(
        McpEndpoint.command(
            StdioCommand.of(EVERYTHING.toString(), List.of("stdio"), "/opt/protohive-test/mcp")),
        TIMEOUT,
        tools -> {});
  }
}

package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The MCP protocol's reference server, reached over streamable HTTP on a free local port. */
final class EverythingServer implements AutoCloseable {

  /** Installed by bin/prepare-test-machine. */
  private static final Path EVERYTHING =
      Path.of(
          System.getProperty(
              "it.mcp.server", "/opt/protohive-test/mcp/node_modules/.bin/mcp-server-everything"));

  final int port;
  private final Process process;

  private EverythingServer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts the server and waits until it listens. */
  static EverythingServer start() throws IOException {
    assertThat(Files.isExecutable(EVERYTHING))
        .as(EVERYTHING + " (bin/prepare-test-machine installs it)")
        .isTrue();
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(EVERYTHING.toString(), "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(new File("target/mcp-everything.log"));
    builder.environment().put("PORT", String.valueOf(port));
    EverythingServer server = new EverythingServer(port, builder.start());
    await().atMost(Duration.ofSeconds(30)).until(() -> listening(port));
    return server;
  }

  /** Its address as a tenant registers it: localhost is a host the test server allows plugins. */
  String url() {
    return "http://localhost:" + port + "/mcp";
  }

  /** A local port nothing listens on. */
  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

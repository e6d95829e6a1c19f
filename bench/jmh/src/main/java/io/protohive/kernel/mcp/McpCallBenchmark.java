package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call of the reference MCP server's {@code echo} tool over streamable HTTP: as the platform
 * makes it for an agent (through the session the node keeps with the server, bounded by a
 * deadline), against a bare client that keeps one session open and only calls, the baseline. The
 * server is {@code @modelcontextprotocol/server-everything}, installed by bin/prepare-test-machine
 * (or named by {@code -Dmcp.server=…}).
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class McpCallBenchmark {

  private static final Map<String, Object> ARGUMENTS = Map.of("message", "hello");

  private Process server;
  private String url;
  private McpSyncClient kept;
  private final McpSessions sessions = new McpSessions();
  private final UUID serverId = UUID.randomUUID();

  @Setup
  public void startTheServer() throws IOException {
    String executable =
        System.getProperty(
            "mcp.server", "/opt/protohive-test/mcp/node_modules/.bin/mcp-server-everything");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(executable, "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(new File("target/mcp-bench-server.log"));
    builder.environment().put("PORT", String.valueOf(port));
    server = builder.start();
    Instant giveUp = Instant.now().plusSeconds(30);
    while (!listening(port)) {
      if (Instant.now().isAfter(giveUp) || !server.isAlive()) {
        throw new IllegalStateException(executable + " did not start; see its log in target/");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    url = "http://127.0.0.1:" + port + "/mcp";
    kept =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
                    .endpoint("/mcp")
                    .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                    .build())
            .requestTimeout(Duration.ofSeconds(8))
            .build();
    kept.initialize();
  }

  @TearDown
  public void stopTheServer() {
    kept.close();
    sessions.stopAll();
    server.destroy();
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public McpSchema.CallToolResult directly() {
    return kept.callTool(new McpSchema.CallToolRequest("echo", ARGUMENTS));
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public McpAnswer asThePlatformCalls() {
    McpAnswer result =
        sessions.use(
            serverId,
            McpEndpoint.http(url, () -> {}, () -> null),
            Duration.ofSeconds(8),
            tools -> {},
            client -> McpConnection.call(client, "echo", ARGUMENTS));
    if (result.error()) {
      throw new IllegalStateException(result.text());
    }
    return result;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

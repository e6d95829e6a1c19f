package io.protohive.bench;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolCalls;
import io.protohive.pluginhost.ToolOutcome;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the host's containment adds to a tool call (context, per-plugin permit, a hop to a pool
 * thread with the bundle's class loader, a deadline) against calling the same tool directly, the
 * baseline. The tool itself does almost nothing, so the difference is all overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ToolCallBenchmark {

  private static final UUID TENANT = UUID.randomUUID();
  private static final Map<String, Object> ARGUMENTS = Map.of("text", "hello");

  private final Tool tool = new Echo();
  private final ToolCalls calls = new ToolCalls(new PluginCalls.Limits(8, 4, 8));
  private final PluginTool hosted =
      new PluginTool(
          "bench.echo",
          tool,
          ToolCallBenchmark.class.getClassLoader(),
          false,
          HostHttp.refusing("The benchmark tool has no network."));

  @Benchmark
  public ToolResult direct() throws Exception {
    return tool.invoke(ARGUMENTS, ToolContext.builder(TENANT).build());
  }

  @Benchmark
  public ToolOutcome throughTheHost() {
    return calls.call(hosted, ARGUMENTS, ToolContext.builder(TENANT), Duration.ofSeconds(5));
  }

  @TearDown
  public void stop() {
    calls.close();
  }

  /** Returns its argument. */
  private static final class Echo implements Tool {
    @Override
    public String id() {
      return "bench.echo";
    }

    @Override
    public String name() {
      return "Echo";
    }

    @Override
    public String description() {
      return "Returns its text.";
    }

    @Override
    public String parametersSchema() {
      return "{\"type\":\"object\"}";
    }

    @Override
    public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
      return ToolResult.text(String.valueOf(arguments.get("text")));
    }
  }
}

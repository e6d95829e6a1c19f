package io.protohive.plugins.misbehaving;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Keeps a core busy, deaf to interrupts, cancellation and its deadline, for the given number of
 * seconds (15 by default): the worst a plugin thread can do short of never returning.
 */
@Component(service = Tool.class)
public final class SpinningTool implements Tool {

  @Override
  public String id() {
    return "misbehaving.spin";
  }

  @Override
  public String name() {
    return "Spins";
  }

  @Override
  public String description() {
    return "Busy-loops on one core, ignoring its deadline.";
  }

  @Override
  public String parametersSchema() {
    return "{\"type\":\"object\",\"properties\":{\"seconds\":{\"type\":\"integer\"}}}";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    long seconds = Long.parseLong(String.valueOf(arguments.getOrDefault("seconds", 15)));
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    long spins = 0;
    while (System.nanoTime() < until) {
      spins++;
    }
    return ToolResult.text("spun " + spins + " times");
  }
}

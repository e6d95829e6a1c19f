package io.protohive.plugins.misbehaving;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Sleeps far past any deadline, ignoring it; only an interrupt wakes it. */
@Component(service = Tool.class)
public final class SleepingTool implements Tool {

  @Override
  public String id() {
    return "misbehaving.sleep";
  }

  @Override
  public String name() {
    return "Sleeps";
  }

  @Override
  public String description() {
    return "Sleeps for ten minutes.";
  }

  @Override
  public String parametersSchema() {
    return "{\"type\":\"object\"}";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context)
      throws InterruptedException {
    Thread.sleep(600_000);
    return ToolResult.text("woke up");
  }
}

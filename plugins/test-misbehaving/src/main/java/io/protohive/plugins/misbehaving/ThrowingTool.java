package io.protohive.plugins.misbehaving;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Throws on every call. */
@Component(service = Tool.class)
public final class ThrowingTool implements Tool {

  @Override
  public String id() {
    return "misbehaving.throw";
  }

  @Override
  public String name() {
    return "Throws";
  }

  @Override
  public String description() {
    return "Fails with an exception on every call.";
  }

  @Override
  public String parametersSchema() {
    return "{\"type\":\"object\"}";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    throw new IllegalStateException("this tool always fails");
  }
}

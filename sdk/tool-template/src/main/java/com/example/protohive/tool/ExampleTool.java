package com.example.protohive.tool;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Repeats a text with the tenant's configured prefix. Replace the body of {@link #invoke} with
 * what your tool does; keep it thread-safe and watch the deadline.
 */
@Component(service = Tool.class)
public final class ExampleTool implements Tool {

  public static final String ID = "example.echo";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Echo";
  }

  @Override
  public String description() {
    return "Repeats the given 'text', preceded by the tenant's prefix.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","required":["text"],"properties":{"text":{"type":"string",\
        "description":"what to repeat"}}}""";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return List.of(
        ConfigurationProperty.of("prefix", "Prefix", ConfigurationType.STRING)
            .withDefault("Echo:")
            .withHelp("Put before every answer."));
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    Object text = arguments.get("text");
    if (text == null) {
      return ToolResult.error("Give the text to repeat as 'text'.");
    }
    String prefix = context.configuration().value("prefix").orElse("Echo:");
    return ToolResult.text(prefix + " " + text);
  }
}

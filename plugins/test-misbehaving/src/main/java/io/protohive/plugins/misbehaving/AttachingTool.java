package io.protohive.plugins.misbehaving;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Returns two files beside its result: a chart, and one whose name climbs out of its folder. */
@Component(service = Tool.class)
public final class AttachingTool implements Tool {

  @Override
  public String id() {
    return "misbehaving.attach";
  }

  @Override
  public String name() {
    return "Attaches";
  }

  @Override
  public String description() {
    return "Makes a chart as a CSV file, and a file named to escape its folder.";
  }

  @Override
  public String parametersSchema() {
    return "{\"type\":\"object\"}";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    byte[] chart = "month,revenue\nJanuary,120\nFebruary,135\n".getBytes(StandardCharsets.UTF_8);
    return ToolResult.text("Made the revenue chart.")
        .withAttachment(new ToolResult.Attachment("revenue.csv", "text/csv", chart))
        .withAttachment(new ToolResult.Attachment("../../escape.txt", "text/plain", chart));
  }
}

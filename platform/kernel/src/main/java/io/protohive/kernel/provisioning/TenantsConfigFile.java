package io.protohive.kernel.provisioning;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenants-config file and the line each of its fields stands on, so that a refusal names the
 * file, the line and the field.
 *
 * @param lines by field path, such as {@code plugins.tool-http.config.allowedHosts} or {@code
 *     llm.route[0].provider}
 */
public record TenantsConfigFile(Path path, Map<String, Integer> lines) {

  public TenantsConfigFile {
    lines = Map.copyOf(lines);
  }

  /** Records where every field of the document {@code parser} reads begins. */
  static TenantsConfigFile locate(Path path, JsonParser parser) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
      JsonStreamContext context = parser.getParsingContext();
      // a mapping or a list belongs to the field that holds it, which is its parent's
      if (token.isStructStart() && context.getParent() != null) {
        context = context.getParent();
      }
      lines.putIfAbsent(field(context), parser.currentTokenLocation().getLineNr());
    }
    return new TenantsConfigFile(path, lines);
  }

  /** The field a parsing context points at, written as in refusals. */
  static String field(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      } else if (c.inArray() && c.getCurrentIndex() >= 0) {
        parts.push("[" + c.getCurrentIndex() + "]");
      }
    }
    String joined = String.join("", parts);
    return joined.startsWith(".") ? joined.substring(1) : joined;
  }

  /** The line of a field, or of the nearest field holding it when it is absent from the file. */
  public int line(String field) {
    String current = field;
    while (!current.isEmpty()) {
      Integer line = lines.get(current);
      if (line != null) {
        return line;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      current = cut < 0 ? "" : current.substring(0, cut);
    }
    return lines.getOrDefault("", 1);
  }

  /** A refusal in one line: {@code file:line: field 'name': problem}. */
  public InvalidTenantsConfigException invalid(String field, String problem) {
    return new InvalidTenantsConfigException(
        path + ":" + line(field) + ": field '" + field + "': " + problem);
  }
}

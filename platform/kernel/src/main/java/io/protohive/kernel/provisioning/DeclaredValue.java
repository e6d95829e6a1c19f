package io.protohive.kernel.provisioning;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.Iterator;

/**
 * A plugin setting as a tenants-config file gives it: inline, or a reference to an environment
 * variable ({@code {env: NAME}}) or a file ({@code {file: /run/secrets/key}}). Secrets may only be
 * given by reference, so that they never sit in the folder.
 */
@JsonDeserialize(using = DeclaredValue.Reader.class)
public record DeclaredValue(String inline, String env, String file) {

  public static DeclaredValue inline(String value) {
    return new DeclaredValue(value, null, null);
  }

  public static DeclaredValue env(String name) {
    return new DeclaredValue(null, name, null);
  }

  public static DeclaredValue file(String path) {
    return new DeclaredValue(null, null, path);
  }

  public boolean isReference() {
    return inline == null;
  }

  /** A scalar is an inline value; a mapping holds exactly one of {@code env} and {@code file}. */
  static final class Reader extends JsonDeserializer<DeclaredValue> {
    @Override
    public DeclaredValue deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node = parser.readValueAsTree();
      if (node.isValueNode() && !node.isNull()) {
        return inline(node.asText());
      }
      if (node.isObject() && node.size() == 1) {
        Iterator<String> names = node.fieldNames();
        String kind = names.next();
        JsonNode target = node.get(kind);
        if (target.isTextual() && !target.asText().isBlank()) {
          if (kind.equals("env")) {
            return env(target.asText().strip());
          }
          if (kind.equals("file")) {
            return file(target.asText().strip());
          }
        }
      }
      return (DeclaredValue)
          context.handleUnexpectedToken(
              DeclaredValue.class,
              parser.currentToken(),
              parser,
              "a setting is a value, {env: VARIABLE} or {file: /path/to/file}");
    }
  }
}

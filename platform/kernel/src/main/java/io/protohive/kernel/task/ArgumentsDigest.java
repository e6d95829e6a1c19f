package io.protohive.kernel.task;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The SHA-256 of a tool call's arguments in one canonical form: keys sorted, no spaces, numbers
 * plain and without trailing zeros. The same arguments have the same digest however their JSON was
 * written: by the model, by the person who edited them, or by PostgreSQL reading jsonb back.
 */
final class ArgumentsDigest {

  private ArgumentsDigest() {}

  /**
   * @param arguments a JSON object; blank or {@code null} for none
   * @throws IllegalArgumentException when the arguments are no JSON object
   */
  static String of(String arguments) {
    JsonObject object;
    try {
      object =
          arguments == null || arguments.isBlank()
              ? JsonValue.EMPTY_JSON_OBJECT
              : Json.createReader(new StringReader(arguments)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("The arguments are no JSON object.", e);
    }
    StringBuilder canonical = new StringBuilder();
    write(object, canonical);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256.", e);
    }
  }

  private static void write(JsonValue value, StringBuilder out) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        out.append('{');
        String separator = "";
        for (String key : new TreeSet<>(object.keySet())) {
          out.append(separator).append(Json.createValue(key)).append(':');
          write(object.get(key), out);
          separator = ",";
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        String separator = "";
        for (JsonValue item : value.asJsonArray()) {
          out.append(separator);
          write(item, out);
          separator = ",";
        }
        out.append(']');
      }
      case NUMBER ->
          out.append(((JsonNumber) value).bigDecimalValue().stripTrailingZeros().toPlainString());
      // strings come out quoted and escaped; true, false and null as themselves
      default -> out.append(value);
    }
  }
}

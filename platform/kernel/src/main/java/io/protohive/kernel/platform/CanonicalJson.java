package io.protohive.kernel.platform;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * JSON in one canonical form: keys sorted, no spaces, numbers plain and without trailing zeros. The
 * same value has the same form however its JSON was written, so digests of it compare values, not
 * spelling.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static String of(JsonValue value) {
    StringBuilder canonical = new StringBuilder();
    write(value, canonical);
    return canonical.toString();
  }

  /** The SHA-256 of the text, in hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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

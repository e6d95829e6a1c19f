package io.protohive.kernel.task;

import io.protohive.kernel.platform.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The SHA-256 of a tool call's arguments in their {@link CanonicalJson} form. The same arguments
 * have the same digest however their JSON was written: by the model, by the person who edited them,
 * or by PostgreSQL reading jsonb back.
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
    return CanonicalJson.sha256(CanonicalJson.of(object));
  }
}

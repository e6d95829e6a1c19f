package io.protohive.rest.openai;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Reads OpenAI request bodies. They are read as JSON objects, not bound to records: OpenAI's
 * clients send fields this door has no use for (temperature, user, ...), which it ignores where the
 * API proper refuses unknown fields.
 */
final class OpenAiRequests {

  private OpenAiRequests() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw OpenAiError.invalid(null, "Send a JSON object with this operation's fields.");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw OpenAiError.invalid(null, "Send a JSON object with this operation's fields.");
      }
      return value.asJsonObject();
    } catch (JsonException notJson) {
      throw OpenAiError.invalid(null, "The request body is not JSON.");
    }
  }

  /**
   * @return the text, or {@code null} when absent and not required
   */
  static String string(JsonObject request, String name, boolean required) {
    JsonValue value = request.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        throw OpenAiError.invalid(name, name + " is required.");
      }
      return null;
    }
    if (!(value instanceof JsonString text)) {
      throw OpenAiError.invalid(name, name + " is a string.");
    }
    return text.getString();
  }

  /**
   * @return the flag, false when absent
   */
  static boolean flag(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value == JsonValue.NULL) {
      return false;
    }
    if (value.getValueType() != JsonValue.ValueType.TRUE
        && value.getValueType() != JsonValue.ValueType.FALSE) {
      throw OpenAiError.invalid(name, name + " is true or false.");
    }
    return value.getValueType() == JsonValue.ValueType.TRUE;
  }
}

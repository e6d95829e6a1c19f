package io.protohive.kernel.conversation;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a tool's JSON Schema, as plugins and MCP servers describe their parameters, into
 * LangChain4j's schema types, which the provider plugins send to their models. A type that may also
 * be null (such as {@code ["string", "null"]}) is taken as its other type, a schema without a type
 * but with properties as an object, and other constructs become strings, which every model can
 * fill.
 */
final class ToolSchemas {

  private ToolSchemas() {}

  static JsonObjectSchema parameters(String schema) {
    JsonObject object = Json.createReader(new StringReader(schema)).readObject();
    return element(object) instanceof JsonObjectSchema parameters
        ? parameters
        : JsonObjectSchema.builder().build();
  }

  private static JsonSchemaElement element(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      // a boolean schema, or something no schema allows
      return JsonStringSchema.builder().build();
    }
    JsonObject schema = value.asJsonObject();
    String description = string(schema.get("description"));
    return switch (type(schema)) {
      case "object" -> {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
        if (schema.get("properties") instanceof JsonObject properties) {
          properties.forEach((name, property) -> object.addProperty(name, element(property)));
        }
        if (schema.get("required") instanceof JsonArray listed) {
          List<String> required = new ArrayList<>();
          listed.forEach(
              name -> {
                if (name instanceof JsonString text) {
                  required.add(text.getString());
                }
              });
          object.required(required);
        }
        yield object.build();
      }
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(
                  schema.containsKey("items")
                      ? element(schema.get("items"))
                      : JsonStringSchema.builder().build())
              .build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      default -> JsonStringSchema.builder().description(description).build();
    };
  }

  /** The schema's type: the first that is not null, when it names several. */
  private static String type(JsonObject schema) {
    JsonValue type = schema.get("type");
    if (type instanceof JsonArray types) {
      return types.stream()
          .map(ToolSchemas::string)
          .filter(name -> name != null && !name.equals("null"))
          .findFirst()
          .orElse("string");
    }
    String named = string(type);
    if (named != null) {
      return named;
    }
    return schema.get("properties") instanceof JsonObject ? "object" : "string";
  }

  private static String string(JsonValue value) {
    return value instanceof JsonString text ? text.getString() : null;
  }
}

package io.protohive.kernel.conversation;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a tool's JSON Schema, as plugins describe their parameters, into LangChain4j's schema
 * types, which the provider plugins send to their models. Unknown constructs become strings, which
 * every model can fill.
 */
final class ToolSchemas {

  private ToolSchemas() {}

  static JsonObjectSchema parameters(String schema) {
    JsonObject object = Json.createReader(new StringReader(schema)).readObject();
    return (JsonObjectSchema) element(object);
  }

  private static JsonSchemaElement element(JsonObject schema) {
    String description = schema.containsKey("description") ? schema.getString("description") : null;
    String type = schema.containsKey("type") ? schema.getString("type") : "string";
    return switch (type) {
      case "object" -> {
        JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
        JsonObject properties = schema.getJsonObject("properties");
        if (properties != null) {
          properties.forEach(
              (name, property) -> object.addProperty(name, element(property.asJsonObject())));
        }
        if (schema.containsKey("required")) {
          List<String> required = new ArrayList<>();
          schema.getJsonArray("required").forEach(v -> required.add(((JsonString) v).getString()));
          object.required(required);
        }
        yield object.build();
      }
      case "array" ->
          JsonArraySchema.builder()
              .description(description)
              .items(
                  schema.containsKey("items")
                          && schema.get("items").getValueType() == JsonValue.ValueType.OBJECT
                      ? element(schema.getJsonObject("items"))
                      : JsonStringSchema.builder().build())
              .build();
      case "integer" -> JsonIntegerSchema.builder().description(description).build();
      case "number" -> JsonNumberSchema.builder().description(description).build();
      case "boolean" -> JsonBooleanSchema.builder().description(description).build();
      default -> JsonStringSchema.builder().description(description).build();
    };
  }
}

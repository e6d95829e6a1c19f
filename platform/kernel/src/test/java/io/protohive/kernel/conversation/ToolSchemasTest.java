package io.protohive.kernel.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import org.junit.jupiter.api.Test;

class ToolSchemasTest {

  @Test
  void aTypeThatMayBeNullIsTakenAsItsOtherType() {
    JsonObjectSchema parameters =
        ToolSchemas.parameters(
            """
            {"type": "object",
             "properties": {
               "query": {"type": ["string", "null"], "description": "What to look for"},
               "limit": {"type": ["null", "integer"]},
               "tags": {"type": ["array", "null"], "items": {"type": ["string", "null"]}},
               "filter": {"type": ["object", "null"], "properties": {"day": {"type": "string"}}},
               "anything": {"type": ["null"]}
             },
             "required": ["query"]}
            """);

    assertThat(parameters.properties().get("query"))
        .isInstanceOfSatisfying(
            JsonStringSchema.class,
            query -> assertThat(query.description()).isEqualTo("What to look for"));
    assertThat(parameters.properties().get("limit")).isInstanceOf(JsonIntegerSchema.class);
    assertThat(parameters.properties().get("tags"))
        .isInstanceOfSatisfying(
            JsonArraySchema.class,
            tags -> assertThat(tags.items()).isInstanceOf(JsonStringSchema.class));
    assertThat(parameters.properties().get("filter"))
        .isInstanceOfSatisfying(
            JsonObjectSchema.class,
            filter -> assertThat(filter.properties()).containsOnlyKeys("day"));
    assertThat(parameters.properties().get("anything")).isInstanceOf(JsonStringSchema.class);
    assertThat(parameters.required()).containsExactly("query");
  }

  @Test
  void oddSchemasBecomeWhatAModelCanStillFill() {
    JsonObjectSchema parameters =
        ToolSchemas.parameters(
            """
            {"properties": {
               "free": true,
               "described": {"description": 42, "type": "number"},
               "either": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
               "list": {"type": "array", "items": [{"type": "string"}]}
             },
             "required": ["free", 7]}
            """);

    assertThat(parameters.properties().get("free")).isInstanceOf(JsonStringSchema.class);
    assertThat(parameters.properties().get("described").description()).isNull();
    assertThat(parameters.properties().get("either")).isInstanceOf(JsonStringSchema.class);
    assertThat(parameters.properties().get("list"))
        .isInstanceOfSatisfying(
            JsonArraySchema.class,
            list -> assertThat(list.items()).isInstanceOf(JsonStringSchema.class));
    assertThat(parameters.required()).containsExactly("free");
  }

  @Test
  void parametersThatAreNoObjectTakeNoArguments() {
    assertThat(ToolSchemas.parameters("{\"type\": \"string\"}").properties()).isEmpty();
  }
}

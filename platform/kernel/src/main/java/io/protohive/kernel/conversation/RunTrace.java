package io.protohive.kernel.conversation;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The steps of a run as JSON for its trace, and tool arguments from JSON for the tool host. */
final class RunTrace {

  private RunTrace() {}

  static JsonObjectBuilder response(ChatResponse response) {
    JsonObjectBuilder step =
        Json.createObjectBuilder()
            .add("kind", "response")
            .add("model", String.valueOf(response.modelName()))
            .add("text", String.valueOf(response.aiMessage().text()))
            .add("toolCalls", response.aiMessage().toolExecutionRequests().size());
    if (response.tokenUsage() != null) {
      step.add("promptTokens", number(response.tokenUsage().inputTokenCount()))
          .add("completionTokens", number(response.tokenUsage().outputTokenCount()));
    }
    return step;
  }

  /** The prompt's newest message, what the model answers; the rest is in the context step. */
  static String lastWords(List<ChatMessage> messages) {
    ChatMessage last = messages.get(messages.size() - 1);
    if (last instanceof UserMessage user && user.hasSingleText()) {
      return user.singleText();
    }
    if (last instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return last instanceof SystemMessage system ? system.text() : "";
  }

  static JsonObjectBuilder toolCall(ToolExecutionRequest call) {
    return Json.createObjectBuilder()
        .add("kind", "tool.call")
        .add("tool", call.name())
        .add("arguments", String.valueOf(call.arguments()));
  }

  static JsonObjectBuilder toolResult(ToolInvocation invocation) {
    return Json.createObjectBuilder()
        .add("kind", "tool.result")
        .add("tool", invocation.toolId())
        .add("status", invocation.status().name())
        .add("content", invocation.content())
        .add("durationMillis", invocation.durationMillis());
  }

  /** A model's tool arguments as Java values; malformed JSON gives no arguments. */
  static Map<String, Object> arguments(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      JsonObject object = Json.createReader(new StringReader(json)).readObject();
      Map<String, Object> arguments = new LinkedHashMap<>();
      object.forEach((key, value) -> arguments.put(key, java(value)));
      return arguments;
    } catch (JsonParsingException | ClassCastException e) {
      return Map.of();
    }
  }

  private static Object java(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).numberValue();
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
      case ARRAY -> ((JsonArray) value).stream().map(RunTrace::java).toList();
      case OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> object.put(k, java(v)));
        yield object;
      }
    };
  }

  private static int number(Integer value) {
    return value == null ? 0 : value;
  }
}

package io.protohive.llm.fakes;

import static io.protohive.llm.fakes.FakeHttpServer.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies and server-sent events of Anthropic's Messages API, field for field as the service
 * sends them, so that clients parse the fake exactly as they parse the real thing.
 */
final class AnthropicBodies {

  /** How many characters of tool arguments one {@code input_json_delta} carries. */
  private static final int JSON_FRAGMENT = 12;

  private final String id;
  private final String model;

  /**
   * @param id the message's id, such as {@code msg_…}, also the stem of its tool use ids
   * @param model the model the request named, echoed as the service does
   */
  AnthropicBodies(String id, String model) {
    this.id = id;
    this.model = model;
  }

  /** A whole {@code message} with its content blocks, stop reason and usage. */
  String message(AnthropicOllamaReply reply) {
    ObjectNode message = head();
    if (reply.kind() == AnthropicOllamaReply.Kind.TOOL_CALLS) {
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        AnthropicOllamaReply.ToolCall call = reply.toolCalls().get(i);
        message.withArrayProperty("content").add(toolUse(i, call).set("input", call.json()));
      }
      message.put("stop_reason", "tool_use");
    } else {
      message
          .withArrayProperty("content")
          .addObject()
          .put("type", "text")
          .put("text", reply.text());
      message.put("stop_reason", "end_turn");
    }
    message.set("usage", usage(reply.inputTokens(), reply.outputTokens()));
    return message.toString();
  }

  /**
   * The events of a streamed message: {@code message_start} with the input tokens, each content
   * block's start, deltas and stop (with a {@code ping} after the first start, as the service
   * sends), {@code message_delta} with the stop reason and output tokens, {@code message_stop}.
   */
  List<String> events(AnthropicOllamaReply reply) {
    List<String> events = new ArrayList<>();
    events.add(messageStart(reply.inputTokens()));
    String stopReason;
    if (reply.kind() == AnthropicOllamaReply.Kind.TOOL_CALLS) {
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        AnthropicOllamaReply.ToolCall call = reply.toolCalls().get(i);
        events.add(blockStart(i, toolUse(i, call).set("input", JSON.createObjectNode())));
        pingAfterFirstStart(events);
        for (String fragment : fragments(call.arguments())) {
          events.add(delta(i, "input_json_delta", "partial_json", fragment));
        }
        events.add(blockStop(i));
      }
      stopReason = "tool_use";
    } else {
      events.add(blockStart(0, JSON.createObjectNode().put("type", "text").put("text", "")));
      pingAfterFirstStart(events);
      for (String piece : reply.pieces()) {
        events.add(delta(0, "text_delta", "text", piece));
      }
      events.add(blockStop(0));
      stopReason = "end_turn";
    }
    ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
    messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
    messageDelta.putObject("usage").put("output_tokens", reply.outputTokens());
    events.add(event("message_delta", messageDelta));
    events.add(event("message_stop", JSON.createObjectNode().put("type", "message_stop")));
    return events;
  }

  /** The {@code error} object of an error body or event. */
  static ObjectNode error(AnthropicOllamaReply.Error error) {
    ObjectNode body = JSON.createObjectNode().put("type", "error");
    body.putObject("error").put("type", error.type()).put("message", error.message());
    return body;
  }

  /**
   * An error reported inside a started stream: after {@code message_start}, as the service does.
   */
  List<String> streamedError(AnthropicOllamaReply.Error error) {
    return List.of(
        messageStart(AnthropicOllamaReply.DEFAULT_INPUT_TOKENS), event("error", error(error)));
  }

  private ObjectNode head() {
    ObjectNode message =
        JSON.createObjectNode()
            .put("id", id)
            .put("type", "message")
            .put("role", "assistant")
            .put("model", model);
    message.putArray("content");
    message.putNull("stop_reason");
    message.putNull("stop_sequence");
    return message;
  }

  private String messageStart(int inputTokens) {
    ObjectNode message = head();
    // the service counts the first output token at the start already
    message.set("usage", usage(inputTokens, 1));
    ObjectNode start = JSON.createObjectNode().put("type", "message_start");
    start.set("message", message);
    return event("message_start", start);
  }

  private ObjectNode toolUse(int index, AnthropicOllamaReply.ToolCall call) {
    return JSON.createObjectNode()
        .put("type", "tool_use")
        .put("id", "toolu_" + id.substring(id.indexOf('_') + 1) + "_" + index)
        .put("name", call.name());
  }

  private static ObjectNode usage(int inputTokens, int outputTokens) {
    return JSON.createObjectNode()
        .put("input_tokens", inputTokens)
        .put("cache_creation_input_tokens", 0)
        .put("cache_read_input_tokens", 0)
        .put("output_tokens", outputTokens);
  }

  private static String blockStart(int index, ObjectNode block) {
    ObjectNode start =
        JSON.createObjectNode().put("type", "content_block_start").put("index", index);
    start.set("content_block", block);
    return event("content_block_start", start);
  }

  private static void pingAfterFirstStart(List<String> events) {
    if (events.size() == 2) {
      events.add(event("ping", JSON.createObjectNode().put("type", "ping")));
    }
  }

  private static String delta(int index, String type, String field, String value) {
    ObjectNode delta =
        JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
    delta.putObject("delta").put("type", type).put(field, value);
    return event("content_block_delta", delta);
  }

  private static String blockStop(int index) {
    return event(
        "content_block_stop",
        JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
  }

  /** Tool arguments in pieces, the first one empty, as the service streams them. */
  private static List<String> fragments(String json) {
    List<String> fragments = new ArrayList<>(List.of(""));
    for (int start = 0; start < json.length(); start += JSON_FRAGMENT) {
      fragments.add(json.substring(start, Math.min(json.length(), start + JSON_FRAGMENT)));
    }
    return fragments;
  }

  private static String event(String name, JsonNode data) {
    return "event: " + name + "\ndata: " + data + "\n\n";
  }
}

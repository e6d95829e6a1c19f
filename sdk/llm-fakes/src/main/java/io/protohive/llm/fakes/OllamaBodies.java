package io.protohive.llm.fakes;

import static io.protohive.llm.fakes.FakeHttpServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bodies of Ollama's native API, field for field as the server sends them, so that clients
 * parse the fake exactly as they parse the real thing: chat answers (whole, or as newline-delimited
 * JSON, one object a line), embeddings, the model list and errors.
 */
final class OllamaBodies {

  /** The dimension of {@code nomic-embed-text}, Ollama's usual embedding model. */
  static final int EMBEDDING_DIMENSION = 768;

  private final String model;

  /**
   * @param model the model the request named, echoed as the server does
   */
  OllamaBodies(String model) {
    this.model = model;
  }

  /** A whole chat answer: the message, {@code done:true} and the token counts. */
  String chat(AnthropicOllamaReply reply) {
    ObjectNode message = message(reply.text());
    if (reply.kind() == AnthropicOllamaReply.Kind.TOOL_CALLS) {
      message.set("tool_calls", toolCalls(reply));
    }
    return last(reply, message).toString();
  }

  /**
   * A streamed chat answer: a line for each piece of text, or one line with all tool calls, then a
   * last line with an empty message, {@code done:true} and the token counts.
   */
  List<String> chatLines(AnthropicOllamaReply reply) {
    List<String> lines = new ArrayList<>();
    if (reply.kind() == AnthropicOllamaReply.Kind.TOOL_CALLS) {
      ObjectNode message = message("");
      message.set("tool_calls", toolCalls(reply));
      lines.add(line(head(message).put("done", false)));
    } else {
      for (String piece : reply.pieces()) {
        lines.add(line(head(message(piece)).put("done", false)));
      }
    }
    lines.add(line(last(reply, message(""))));
    return lines;
  }

  /** The answer of {@code /api/embed}: one vector per input, and the tokens read. */
  String embeddings(List<String> inputs, int promptTokens) {
    ObjectNode body = JSON.createObjectNode().put("model", model);
    ArrayNode vectors = body.putArray("embeddings");
    for (String input : inputs) {
      ArrayNode vector = vectors.addArray();
      for (float value : embedding(input)) {
        vector.add(value);
      }
    }
    return body.put("total_duration", 14_143_917)
        .put("load_duration", 1_019_500)
        .put("prompt_eval_count", promptTokens)
        .toString();
  }

  /** The answer of {@code /api/tags}: the pulled models. */
  static String tags(List<String> models) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("models");
    for (String name : models) {
      ObjectNode entry =
          list.addObject()
              .put("name", name)
              .put("model", name)
              .put("modified_at", "2025-05-04T17:37:44.706015396-07:00")
              .put("size", 2_019_393_189L)
              .put("digest", Integer.toHexString(name.hashCode()));
      entry
          .putObject("details")
          .put("parent_model", "")
          .put("format", "gguf")
          .put("family", "llama")
          .put("parameter_size", "3.2B")
          .put("quantization_level", "Q4_K_M")
          .putArray("families")
          .add("llama");
    }
    return body.toString();
  }

  /** Ollama's error body: only a message. */
  static String error(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  /** A unit vector that depends on the text alone, so equal texts embed equally. */
  static float[] embedding(String text) {
    Random random = new Random(text.hashCode());
    float[] vector = new float[EMBEDDING_DIMENSION];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) random.nextGaussian();
      norm += vector[i] * vector[i];
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  private ObjectNode head(ObjectNode message) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("model", model)
            .put("created_at", OffsetDateTime.now().toString());
    body.set("message", message);
    return body;
  }

  private ObjectNode last(AnthropicOllamaReply reply, ObjectNode message) {
    return head(message)
        .put("done_reason", "stop")
        .put("done", true)
        .put("total_duration", 5_191_566_416L)
        .put("load_duration", 2_154_458)
        .put("prompt_eval_count", reply.inputTokens())
        .put("prompt_eval_duration", 383_809_000)
        .put("eval_count", reply.outputTokens())
        .put("eval_duration", 4_799_921_000L);
  }

  private static ObjectNode message(String content) {
    return JSON.createObjectNode().put("role", "assistant").put("content", content);
  }

  private static ArrayNode toolCalls(AnthropicOllamaReply reply) {
    ArrayNode calls = JSON.createArrayNode();
    for (int i = 0; i < reply.toolCalls().size(); i++) {
      AnthropicOllamaReply.ToolCall call = reply.toolCalls().get(i);
      ObjectNode function = calls.addObject().putObject("function");
      function.put("index", i).put("name", call.name()).set("arguments", call.json());
    }
    return calls;
  }

  private static String line(ObjectNode body) {
    return body + "\n";
  }
}

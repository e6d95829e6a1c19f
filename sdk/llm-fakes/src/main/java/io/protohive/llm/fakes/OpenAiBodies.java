package io.protohive.llm.fakes;

import static io.protohive.llm.fakes.FakeHttpServer.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The JSON bodies of OpenAI's Chat Completions and Embeddings APIs, field for field as the service
 * sends them, so that clients parse the fake exactly as they parse the real thing.
 */
final class OpenAiBodies {

  private static final String FINGERPRINT = "fp_fake0000";

  private final String id;
  private final String model;
  private final long created = Instant.now().getEpochSecond();

  /**
   * @param id the completion's id, shared by all chunks of one stream
   * @param model the model the request named, echoed as the service does
   */
  OpenAiBodies(String id, String model) {
    this.id = id;
    this.model = model;
  }

  /** A whole {@code chat.completion} with the message, finish reason and usage. */
  String completion(OpenAiReply reply, List<String> toolCallIds) {
    ObjectNode message = JSON.createObjectNode().put("role", "assistant");
    if (reply.kind() == OpenAiReply.Kind.TOOL_CALLS) {
      message.putNull("content");
      ArrayNode calls = message.putArray("tool_calls");
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        OpenAiReply.ToolCall call = reply.toolCalls().get(i);
        calls.add(toolCall(toolCallIds.get(i), call.name(), call.arguments()));
      }
    } else {
      message.put("content", reply.text());
    }
    message.putNull("refusal");
    ObjectNode choice = JSON.createObjectNode().put("index", 0);
    choice.set("message", message);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(reply));
    ObjectNode body = head("chat.completion");
    body.putArray("choices").add(choice);
    body.set("usage", usage(reply.promptTokens(), reply.completionTokens()));
    return body.toString();
  }

  /** The first chunk of a stream: the assistant's role. */
  String roleChunk(OpenAiReply reply, boolean withUsageField) {
    ObjectNode delta = JSON.createObjectNode().put("role", "assistant");
    if (reply.kind() == OpenAiReply.Kind.TOOL_CALLS) {
      delta.putNull("content");
    } else {
      delta.put("content", "");
    }
    delta.putNull("refusal");
    return chunk(delta, null, withUsageField);
  }

  String contentChunk(String piece, boolean withUsageField) {
    return chunk(JSON.createObjectNode().put("content", piece), null, withUsageField);
  }

  /** Opens tool call {@code index} with its id and name, and empty arguments. */
  String toolCallStartChunk(int index, String callId, String name, boolean withUsageField) {
    ObjectNode call = toolCall(callId, name, "");
    call.put("index", index);
    return toolCallsChunk(call, withUsageField);
  }

  /** Appends a fragment to the arguments of tool call {@code index}. */
  String toolArgumentsChunk(int index, String fragment, boolean withUsageField) {
    ObjectNode call = JSON.createObjectNode().put("index", index);
    call.putObject("function").put("arguments", fragment);
    return toolCallsChunk(call, withUsageField);
  }

  /** The chunk with an empty delta and the finish reason. */
  String finishChunk(OpenAiReply reply, boolean withUsageField) {
    return chunk(JSON.createObjectNode(), finishReason(reply), withUsageField);
  }

  /** The last chunk when the client asked for {@code stream_options.include_usage}. */
  String usageChunk(OpenAiReply reply) {
    ObjectNode body = head("chat.completion.chunk");
    body.putArray("choices");
    body.set("usage", usage(reply.promptTokens(), reply.completionTokens()));
    return body.toString();
  }

  /**
   * An embeddings list, one vector per input, as floats or, when asked, base64 of little-endian
   * float32 as the service encodes them.
   */
  static String embeddings(String model, List<float[]> vectors, boolean base64, int promptTokens) {
    ObjectNode body = JSON.createObjectNode().put("object", "list");
    ArrayNode data = body.putArray("data");
    for (int i = 0; i < vectors.size(); i++) {
      ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
      if (base64) {
        item.put("embedding", base64(vectors.get(i)));
      } else {
        ArrayNode values = item.putArray("embedding");
        for (float value : vectors.get(i)) {
          values.add(value);
        }
      }
    }
    body.put("model", model);
    body.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
    return body.toString();
  }

  /** OpenAI's error envelope. */
  static String error(String message, String type, String code) {
    ObjectNode error = JSON.createObjectNode().put("message", message).put("type", type);
    error.putNull("param");
    error.put("code", code);
    ObjectNode body = JSON.createObjectNode();
    body.set("error", error);
    return body.toString();
  }

  /**
   * A unit vector that depends only on the text, so equal texts embed equally and tests can rely on
   * similarity.
   */
  static float[] vectorOf(String text, int dimensions) {
    Random random = new Random(text.hashCode());
    float[] vector = new float[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) random.nextGaussian();
      norm += vector[i] * vector[i];
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimensions; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  private String toolCallsChunk(ObjectNode call, boolean withUsageField) {
    ObjectNode delta = JSON.createObjectNode();
    delta.putArray("tool_calls").add(call);
    return chunk(delta, null, withUsageField);
  }

  private String chunk(ObjectNode delta, String finishReason, boolean withUsageField) {
    ObjectNode choice = JSON.createObjectNode().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason);
    ObjectNode body = head("chat.completion.chunk");
    body.putArray("choices").add(choice);
    if (withUsageField) {
      body.putNull("usage");
    }
    return body.toString();
  }

  private ObjectNode head(String object) {
    return JSON.createObjectNode()
        .put("id", id)
        .put("object", object)
        .put("created", created)
        .put("model", model)
        .put("system_fingerprint", FINGERPRINT);
  }

  private static ObjectNode toolCall(String callId, String name, String arguments) {
    ObjectNode call = JSON.createObjectNode().put("id", callId).put("type", "function");
    call.putObject("function").put("name", name).put("arguments", arguments);
    return call;
  }

  private static ObjectNode usage(int promptTokens, int completionTokens) {
    ObjectNode usage =
        JSON.createObjectNode()
            .put("prompt_tokens", promptTokens)
            .put("completion_tokens", completionTokens)
            .put("total_tokens", promptTokens + completionTokens);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage
        .putObject("completion_tokens_details")
        .put("reasoning_tokens", 0)
        .put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0)
        .put("rejected_prediction_tokens", 0);
    return usage;
  }

  private static String finishReason(OpenAiReply reply) {
    return reply.kind() == OpenAiReply.Kind.TOOL_CALLS ? "tool_calls" : "stop";
  }

  private static String base64(float[] vector) {
    ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
    bytes.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(vector);
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}

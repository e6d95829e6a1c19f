package io.protohive.kernel.conversation;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversation events as they travel between nodes: JSON text naming the node that published the
 * event, so that it does not deliver its own events twice; and the notices of a node that its
 * streamed words are stored, up to which id in each conversation.
 */
final class ClusterEvents {

  private ClusterEvents() {}

  /** An event and the node it came from. */
  record Sent(String node, ConversationEvent event) {}

  /** Whether the message was sent by the node given: every message names its node first. */
  static boolean from(String node, String message) {
    return message.startsWith("{\"node\":\"" + node + "\"");
  }

  /** A node stored its words of each conversation up to the id given. */
  record Stored(String node, Map<UUID, Long> through) {}

  static String encodeStored(String node, Map<UUID, Long> through) {
    JsonObjectBuilder conversations = Json.createObjectBuilder();
    through.forEach((id, last) -> conversations.add(id.toString(), last));
    return Json.createObjectBuilder()
        .add("node", node)
        .add("stored", conversations)
        .build()
        .toString();
  }

  /** The notice in a message, or empty for a message that is not one. */
  static Optional<Stored> decodeStored(String message) {
    if (!message.contains("\"stored\"")) {
      return Optional.empty();
    }
    try {
      JsonObject json = Json.createReader(new StringReader(message)).readObject();
      if (!json.containsKey("stored")) {
        return Optional.empty();
      }
      Map<UUID, Long> through = new HashMap<>();
      json.getJsonObject("stored")
          .forEach((id, last) -> through.put(UUID.fromString(id), ((JsonNumber) last).longValue()));
      return Optional.of(new Stored(json.getString("node"), through));
    } catch (JsonParsingException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static String encode(String node, ConversationEvent event) {
    return Json.createObjectBuilder()
        .add("node", node)
        .add("id", event.id())
        .add("conversationId", event.conversationId().toString())
        .add("runId", event.runId() == null ? "" : event.runId().toString())
        .add("type", event.type())
        .add("payload", event.payload())
        .build()
        .toString();
  }

  /** The event in a message, or empty for a message that is not one. */
  static Optional<Sent> decode(String message) {
    try {
      JsonObject json = Json.createReader(new StringReader(message)).readObject();
      String run = json.getString("runId");
      return Optional.of(
          new Sent(
              json.getString("node"),
              new ConversationEvent(
                  json.getJsonNumber("id").longValue(),
                  UUID.fromString(json.getString("conversationId")),
                  run.isEmpty() ? null : UUID.fromString(run),
                  json.getString("type"),
                  json.getString("payload"))));
    } catch (JsonParsingException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

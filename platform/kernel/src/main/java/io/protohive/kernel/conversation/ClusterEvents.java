package io.protohive.kernel.conversation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversation events as they travel between nodes: JSON text naming the node that stored the
 * event, so that it does not deliver its own events twice.
 */
final class ClusterEvents {

  private ClusterEvents() {}

  /** An event and the node it came from. */
  record Sent(String node, ConversationEvent event) {}

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

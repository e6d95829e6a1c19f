package io.protohive.kernel.conversation;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.UUID;

/**
 * A file attached to a message, as the message shows it: its current name and state.
 *
 * @param status the file's ingestion state ({@code QUEUED} … {@code READY}, {@code FAILED})
 */
public record AttachedFile(UUID id, String name, String contentType, String status) {

  /** The files as a message's events carry them. */
  static JsonArrayBuilder json(List<AttachedFile> files) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (AttachedFile file : files) {
      array.add(
          Json.createObjectBuilder()
              .add("id", file.id().toString())
              .add("name", file.name())
              .add("contentType", file.contentType())
              .add("status", file.status()));
    }
    return array;
  }
}

package io.protohive.ui.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.conversation.AttachedFile;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.conversation.ConversationService.Posted;
import io.protohive.kernel.conversation.MessageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The messages of a conversation as they stand, kept current by its events.
 *
 * <p>It starts from the stored messages, then takes the conversation's events from the first on:
 * the events of a turn whose answer is already shown change nothing, those of a turn still running
 * (or that failed) draw its bubble after the message it answers. It remembers the last event it
 * took, so that a subscription made again after a reconnect starts there, and it ignores an event
 * it has seen, so that nothing shows twice.
 */
final class Transcript extends Div {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Speakers speakers;
  private final boolean tenantAdmin;
  private final Map<UUID, Component> messages = new HashMap<>();
  private final Map<UUID, RunBubble> running = new LinkedHashMap<>();

  /** Turns whose answer or failure is shown: their events change nothing any more. */
  private final Set<UUID> finished = new HashSet<>();

  private long lastEventId;

  /** Someone asked how a finished turn came about. */
  static final class TraceRequested extends ComponentEvent<Transcript> {

    private final UUID runId;

    TraceRequested(Transcript source, UUID runId) {
      super(source, true);
      this.runId = runId;
    }

    UUID runId() {
      return runId;
    }
  }

  /**
   * @param tenantAdmin whether the reader is a tenant admin, who may connect a real model where the
   *     offline demo model answered
   */
  Transcript(Speakers speakers, List<MessageView> history, boolean tenantAdmin) {
    this.speakers = speakers;
    this.tenantAdmin = tenantAdmin;
    setId("messages");
    addClassNames(LumoUtility.Padding.SMALL);
    getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "var(--lumo-space-m)")
        .set("overflow-y", "auto")
        // a flex child shrinks below its content only so, and then scrolls
        .set("min-height", "0");
    history.forEach(this::show);
  }

  Registration addTraceRequestedListener(ComponentEventListener<TraceRequested> listener) {
    return addListener(TraceRequested.class, listener);
  }

  /** The id of the last event taken, 0 before the first. */
  long lastEventId() {
    return lastEventId;
  }

  /** The turns still running, as far as their events tell. */
  Set<UUID> runningTurns() {
    return Set.copyOf(running.keySet());
  }

  /** A person's message posted here, and the turn that answers it, before their events arrive. */
  void showPosted(Posted posted) {
    show(posted.message());
    turn(posted.runId(), posted.agentId(), posted.message().id());
  }

  void apply(ConversationEvent event) {
    if (event.id() <= lastEventId) {
      return;
    }
    lastEventId = event.id();
    JsonNode data = parse(event.payload());
    UUID agentId = uuid(data, "agentId");
    switch (event.type()) {
      case "message.created" -> {
        UUID messageId = uuid(data, "messageId");
        show(
            new MessageView(
                messageId,
                event.conversationId(),
                data.path("authorKind").asText(),
                uuid(data, "authorId"),
                data.path("content").asText(),
                null,
                null,
                Instant.now(),
                files(data.path("files"))));
        turn(event.runId(), agentId, messageId);
      }
      case "message.delta" ->
          turn(event.runId(), agentId, null)
              .ifPresent(bubble -> bubble.append(data.path("text").asText()));
      case "tool.call" ->
          turn(event.runId(), agentId, null)
              .ifPresent(
                  bubble ->
                      bubble.toolCalled(
                          event.id(), data.path("tool").asText(), data.path("arguments").asText()));
      case "tool.result" ->
          turn(event.runId(), agentId, null)
              .ifPresent(
                  bubble ->
                      bubble.toolAnswered(
                          data.path("status").asText(), data.path("content").asText()));
      case "message.completed" ->
          turn(event.runId(), agentId, null)
              .ifPresent(
                  bubble -> {
                    UUID messageId = uuid(data, "messageId");
                    bubble.complete(
                        messageId, data.path("content").asText(), files(data.path("files")));
                    bubble.noteModel(data.path("model").asText(null), tenantAdmin);
                    bubble.addTrace(event.runId(), this::requestTrace);
                    messages.put(messageId, bubble);
                    finish(event.runId());
                  });
      case "run.failed" ->
          turn(event.runId(), agentId, null)
              .ifPresent(
                  bubble -> {
                    bubble.fail(data.path("error").asText());
                    bubble.addTrace(event.runId(), this::requestTrace);
                    finish(event.runId());
                  });
      default -> {
        // such as turns.capped: nothing to show
      }
    }
  }

  /** Shows a message once, however often it arrives: stored, posted here, announced. */
  private void show(MessageView message) {
    if (messages.containsKey(message.id())) {
      return;
    }
    MessageBubble bubble;
    if ("AGENT".equals(message.authorKind())) {
      bubble =
          MessageBubble.agent(
              message.id(),
              speakers.agent(message.authorId()),
              message.createdAt(),
              message.content(),
              message.files());
      bubble.noteModel(message.model(), tenantAdmin);
      if (message.runId() != null) {
        finished.add(message.runId());
        bubble.addTrace(message.runId(), this::requestTrace);
      }
    } else {
      bubble =
          MessageBubble.person(
              message.id(),
              speakers.person(message.authorId()),
              message.createdAt(),
              message.content(),
              message.files());
    }
    messages.put(message.id(), bubble);
    add(bubble);
  }

  /**
   * The bubble of a running turn, drawn on its first event: after the message it answers when
   * known, else last.
   *
   * @return empty when the turn has finished
   */
  private Optional<RunBubble> turn(UUID runId, UUID agentId, UUID answers) {
    if (runId == null || finished.contains(runId)) {
      return Optional.empty();
    }
    return Optional.of(
        running.computeIfAbsent(
            runId,
            id -> {
              RunBubble bubble = new RunBubble(id, speakers.agent(agentId));
              Component question = answers == null ? null : messages.get(answers);
              if (question == null) {
                add(bubble);
              } else {
                addComponentAtIndex(indexOf(question) + 1, bubble);
              }
              return bubble;
            }));
  }

  private void requestTrace(UUID runId) {
    fireEvent(new TraceRequested(this, runId));
  }

  private void finish(UUID runId) {
    running.remove(runId);
    finished.add(runId);
  }

  private static JsonNode parse(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("An event payload is not JSON: " + payload, e);
    }
  }

  private static List<AttachedFile> files(JsonNode files) {
    List<AttachedFile> attached = new ArrayList<>();
    files.forEach(
        file ->
            attached.add(
                new AttachedFile(
                    uuid(file, "id"),
                    file.path("name").asText(),
                    file.path("contentType").asText(),
                    file.path("status").asText())));
    return attached;
  }

  private static UUID uuid(JsonNode data, String field) {
    String value = data.path(field).asText(null);
    return value == null ? null : UUID.fromString(value);
  }
}

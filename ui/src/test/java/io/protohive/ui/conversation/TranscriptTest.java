package io.protohive.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.protohive.kernel.conversation.AttachedFile;
import io.protohive.kernel.conversation.ConversationEvent;
import io.protohive.kernel.conversation.MessageView;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.organization.Role;
import io.protohive.ui.ComponentTree;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  private static final UUID CONVERSATION = UUID.randomUUID();
  private static final UUID PERSON = UUID.randomUUID();
  private static final AgentView LINUS =
      new AgentView(
          UUID.randomUUID(),
          UUID.randomUUID(),
          "Linus",
          "Chief technology officer",
          "",
          null,
          null,
          null,
          null,
          8,
          List.of("clock.now"),
          "#1d4ed8",
          Instant.EPOCH,
          Instant.EPOCH);
  private static final Speakers SPEAKERS =
      new Speakers(
          List.of(LINUS),
          List.of(new MemberView(PERSON, "p@example.com", "Pat", Role.OWNER, Instant.EPOCH)));

  private final UUID question = UUID.randomUUID();
  private final UUID run = UUID.randomUUID();
  private final UUID answer = UUID.randomUUID();
  private long eventId;

  @Test
  void aTurnStreamsCallsAToolAndEndsWithItsAnswer() {
    Transcript transcript = new Transcript(SPEAKERS, List.of(), false);

    transcript.apply(created(question, "Please use clock_now"));
    transcript.apply(event("tool.call", "{\"tool\":\"clock_now\",\"arguments\":\"{}\"}"));
    long toolCall = eventId;
    transcript.apply(event("tool.result", "{\"status\":\"OK\",\"content\":\"12:00\"}"));
    transcript.apply(delta("The time "));
    transcript.apply(delta("is 12:00"));

    assertThat(ids(transcript))
        .containsSubsequence("message-" + question, "streaming-" + run, "tool-" + toolCall);
    assertThat(text(transcript, "streaming-" + run)).contains("Linus", "The time is 12:00");
    assertThat(text(transcript, "tool-" + toolCall)).contains("clock_now", "answered", "12:00");
    assertThat(transcript.runningTurns()).containsExactly(run);

    transcript.apply(completed("The time is **12:00**."));

    assertThat(ids(transcript)).doesNotContain("streaming-" + run).contains("tool-" + toolCall);
    assertThat(text(transcript, "message-" + answer))
        .contains("Linus")
        .doesNotContain("The time is 12:00");
    assertThat(transcript.runningTurns()).isEmpty();
    assertThat(transcript.lastEventId()).isEqualTo(eventId);
  }

  @Test
  void eventsOfATurnAlreadyAnsweredAndEventsSeenBeforeChangeNothing() {
    Transcript transcript =
        new Transcript(SPEAKERS, List.of(person(question, "hello"), agent(answer, "hi")), false);

    transcript.apply(created(question, "hello"));
    ConversationEvent token = delta("hi");
    transcript.apply(token);
    transcript.apply(completed("hi"));
    transcript.apply(token);

    assertThat(ids(transcript))
        .containsExactly("messages", "message-" + question, "message-" + answer);
    assertThat(transcript.runningTurns()).isEmpty();
  }

  @Test
  void aFailedTurnShowsWhyAfterTheMessageItAnswered() {
    UUID later = UUID.randomUUID();
    Transcript transcript =
        new Transcript(
            SPEAKERS, List.of(person(question, "hello"), person(later, "anyone?")), false);

    transcript.apply(created(question, "hello"));
    transcript.apply(event("run.failed", "{\"error\":\"Stopped by a person.\"}"));

    assertThat(ids(transcript))
        .containsExactly("messages", "message-" + question, "failed-" + run, "message-" + later);
    assertThat(text(transcript, "failed-" + run)).contains("Stopped by a person.");
    assertThat(transcript.runningTurns()).isEmpty();
  }

  @Test
  void anAnswerOfTheOfflineDemoModelIsLabelledAndTellsWhereARealModelIsConnected() {
    UUID stored = UUID.randomUUID();
    UUID real = UUID.randomUUID();
    Transcript forAdmin =
        new Transcript(
            SPEAKERS,
            List.of(agent(stored, "Hello", "scripted-1"), agent(real, "Hi", "gpt-fake")),
            true);
    Transcript forMember = new Transcript(SPEAKERS, List.of(), false);

    forMember.apply(created(question, "Hello"));
    forMember.apply(
        event(
            "message.completed",
            "{\"messageId\":\"" + answer + "\",\"content\":\"Hi\",\"model\":\"scripted-1\"}"));

    assertThat(text(forAdmin, "message-" + stored))
        .contains("Offline demo model", "Connect a real model on the LLM page.");
    assertThat(withClass(forAdmin, "offline-model-llm-link"))
        .singleElement()
        .satisfies(
            link -> assertThat(link.getElement().getAttribute("href")).isEqualTo("tenant/llm"));
    assertThat(text(forAdmin, "message-" + real)).doesNotContain("Offline demo model");
    assertThat(text(forMember, "message-" + answer))
        .contains("Offline demo model", "A tenant admin connects a real model on the LLM page.");
    assertThat(withClass(forMember, "offline-model-llm-link")).isEmpty();
    assertThat(withClass(forMember, "offline-demo-model")).hasSize(1);
  }

  @Test
  void theFilesAnAgentsToolsMadeShowAsChipsUnderItsAnswer() {
    UUID storedChart = UUID.randomUUID();
    UUID newChart = UUID.randomUUID();
    Transcript transcript =
        new Transcript(
            SPEAKERS,
            List.of(
                agent(answer, "Here it is", "gpt-fake")
                    .withFiles(
                        List.of(new AttachedFile(storedChart, "june.png", "image/png", "READY")))),
            false);
    UUID next = UUID.randomUUID();
    UUID nextRun = UUID.randomUUID();

    transcript.apply(
        new ConversationEvent(
            ++eventId,
            CONVERSATION,
            nextRun,
            "message.completed",
            "{\"messageId\":\""
                + next
                + "\",\"content\":\"Charted\",\"files\":[{\"id\":\""
                + newChart
                + "\",\"name\":\"july.png\",\"contentType\":\"image/png\","
                + "\"status\":\"QUEUED\"}],\"runId\":\""
                + nextRun
                + "\",\"agentId\":\""
                + LINUS.id()
                + "\"}"));

    assertThat(withClass(ComponentTree.byId(transcript, "message-" + answer), "file-chip"))
        .singleElement()
        .satisfies(
            chip -> {
              assertThat(chip.getElement().getAttribute("data-file-id"))
                  .isEqualTo(storedChart.toString());
              assertThat(chip.getElement().getTextRecursively()).isEqualTo("june.png");
            });
    assertThat(withClass(ComponentTree.byId(transcript, "message-" + next), "file-chip"))
        .singleElement()
        .satisfies(
            chip -> {
              assertThat(chip.getElement().getAttribute("data-file-id"))
                  .isEqualTo(newChart.toString());
              assertThat(chip.getElement().getAttribute("href")).contains(newChart.toString());
            });
  }

  private static List<Component> withClass(Component root, String className) {
    return ComponentTree.descendants(root)
        .filter(c -> c.getElement().getClassList().contains(className))
        .toList();
  }

  private ConversationEvent created(UUID messageId, String content) {
    return event(
        "message.created",
        "{\"messageId\":\""
            + messageId
            + "\",\"authorKind\":\"USER\",\"authorId\":\""
            + PERSON
            + "\",\"content\":\""
            + content
            + "\"}");
  }

  private ConversationEvent delta(String text) {
    return event("message.delta", "{\"text\":\"" + text + "\"}");
  }

  private ConversationEvent completed(String content) {
    return event(
        "message.completed", "{\"messageId\":\"" + answer + "\",\"content\":\"" + content + "\"}");
  }

  /** An event of the turn, as the runtime publishes it: naming the run and the agent. */
  private ConversationEvent event(String type, String payload) {
    String named =
        payload.substring(0, payload.length() - 1)
            + ",\"runId\":\""
            + run
            + "\",\"agentId\":\""
            + LINUS.id()
            + "\"}";
    return new ConversationEvent(++eventId, CONVERSATION, run, type, named);
  }

  private MessageView person(UUID id, String content) {
    return new MessageView(
        id, CONVERSATION, "USER", PERSON, content, null, null, Instant.EPOCH, List.of());
  }

  private MessageView agent(UUID id, String content) {
    return agent(id, content, "gpt-fake");
  }

  private MessageView agent(UUID id, String content, String model) {
    return new MessageView(
        id, CONVERSATION, "AGENT", LINUS.id(), content, run, model, Instant.EPOCH, List.of());
  }

  private static List<String> ids(Component root) {
    return ComponentTree.descendants(root).map(Component::getId).flatMap(Optional::stream).toList();
  }

  private static String text(Component root, String id) {
    return ComponentTree.byId(root, id).getElement().getTextRecursively();
  }
}

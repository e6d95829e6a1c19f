package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.conversation.AttachedFile;
import io.protohive.ui.conversation.Speakers.Speaker;
import io.protohive.ui.file.FileChip;
import io.protohive.ui.layout.ColoredInitial;
import io.protohive.ui.layout.Dates;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One message of a conversation: who wrote it and when, above what they wrote. A person's words
 * show exactly as typed, on the right; an agent's as Markdown, on the left under its colour.
 */
class MessageBubble extends Div {

  private final Div header = new Div();
  private final Div body = new Div();

  MessageBubble(Speaker speaker, Instant time, boolean fromAgent) {
    Span name = new Span(speaker.name());
    name.addClassNames("message-author", LumoUtility.FontWeight.SEMIBOLD);
    Span when = new Span(Dates.format(time));
    when.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    header.add(new ColoredInitial(speaker.name(), speaker.color()), name, when);
    header
        .getStyle()
        .set("display", "flex")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-s)");
    body.getStyle().set("overflow-wrap", "anywhere");
    add(header, body);

    addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
    getStyle()
        .set("max-width", "min(48em, 85%)")
        .set("align-self", fromAgent ? "flex-start" : "flex-end")
        .set(
            "background",
            fromAgent ? "var(--lumo-contrast-5pct)" : "var(--lumo-primary-color-10pct)");
    if (fromAgent) {
      getStyle().set("border-left", "4px solid " + speaker.color());
    }
  }

  /** A person's message: plain text, line breaks kept, and the files they attached as chips. */
  static MessageBubble person(
      UUID messageId, Speaker speaker, Instant time, String content, List<AttachedFile> files) {
    MessageBubble bubble = new MessageBubble(speaker, time, false);
    bubble.setId(messageId(messageId));
    Div text = new Div();
    text.setText(content);
    text.getStyle().set("white-space", "pre-wrap");
    bubble.body().add(text);
    bubble.showFiles(files);
    return bubble;
  }

  /** An agent's finished answer, with the files its tools made as chips. */
  static MessageBubble agent(
      UUID messageId, Speaker speaker, Instant time, String content, List<AttachedFile> files) {
    MessageBubble bubble = new MessageBubble(speaker, time, true);
    bubble.setId(messageId(messageId));
    bubble.body().add(answer(content));
    bubble.showFiles(files);
    return bubble;
  }

  /** The message's files as chips that open them, below what it says; nothing without files. */
  void showFiles(List<AttachedFile> files) {
    if (files.isEmpty()) {
      return;
    }
    Div chips = new Div();
    chips.addClassNames(
        "message-files",
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.XSMALL,
        LumoUtility.Margin.Top.XSMALL);
    files.forEach(file -> chips.add(new FileChip(file.id(), file.name())));
    body.add(chips);
  }

  /** An agent's answer as Markdown, its raw HTML turned into text. */
  static Markdown answer(String content) {
    return new Markdown(RawHtmlEscaper.escape(content));
  }

  /** Marks the answer when the offline demo model wrote it. */
  void noteModel(String model, boolean tenantAdmin) {
    if (OfflineModelNote.marks(model)) {
      body.add(new OfflineModelNote(tenantAdmin));
    }
  }

  /** Adds the button that shows how the agent's turn came about, at the end of the header. */
  void addTrace(UUID runId, Consumer<UUID> showTrace) {
    Button trace = new Button("Trace", click -> showTrace.accept(runId));
    trace.addClassName("trace");
    trace.setAriaLabel("Trace of this turn");
    trace.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    trace.getStyle().set("margin-left", "auto");
    header.add(trace);
  }

  static String messageId(UUID messageId) {
    return "message-" + messageId;
  }

  Div body() {
    return body;
  }
}

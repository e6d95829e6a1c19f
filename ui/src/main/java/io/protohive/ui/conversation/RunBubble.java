package io.protohive.ui.conversation;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.conversation.AttachedFile;
import io.protohive.ui.conversation.Speakers.Speaker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent's turn as it happens: the tools it calls as cards, its words as they stream in, then its
 * answer with the files its tools made, or why it failed. Streamed words show as plain text, each
 * token a text node of its own so that a token sends only itself to the browser; the finished
 * answer replaces them as Markdown.
 */
final class RunBubble extends MessageBubble {

  private final UUID runId;
  private final Div tools = new Div();
  private final Div streamed = new Div();
  private final ProgressBar working = new ProgressBar();
  private ToolCard lastTool;

  RunBubble(UUID runId, Speaker speaker) {
    super(speaker, Instant.now(), true);
    this.runId = runId;
    setId("streaming-" + runId);
    working.setIndeterminate(true);
    streamed.addClassName("streamed-words");
    streamed.getStyle().set("white-space", "pre-wrap");
    body().add(tools, streamed, working);
  }

  void append(String token) {
    streamed.add(new Text(token));
  }

  void toolCalled(long eventId, String tool, String arguments) {
    lastTool = new ToolCard(eventId, tool, arguments);
    tools.add(lastTool);
  }

  /** The result of the tool called last: a turn calls its tools one after the other. */
  void toolAnswered(String status, String content) {
    if (lastTool != null) {
      lastTool.showResult(status, content);
    }
  }

  void complete(UUID messageId, String content, List<AttachedFile> files) {
    setId(messageId(messageId));
    body().remove(streamed, working);
    body().add(answer(content));
    showFiles(files);
  }

  void fail(String reason) {
    setId("failed-" + runId);
    body().remove(working);
    Div failure = new Div();
    failure.setText(reason);
    failure.addClassNames(LumoUtility.TextColor.ERROR);
    body().add(failure);
  }
}

package io.protohive.kernel.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps an agent finished in a piece of work, a conversation's run or a task's sessions: the
 * model's tool calls and their results, as the model wrote and read them. The owner stores each
 * step with the work as it finishes, the calls before they run and every result once its tool
 * returned, so that a node taking the work over after another died gives the model the same steps
 * and runs only the calls that have no result yet, never a finished one again.
 */
public final class WorkLog {

  private WorkLog() {}

  /** The steps as stored: JSON. */
  public static String json(List<ChatMessage> steps) {
    return ChatMessageSerializer.messagesToJson(steps);
  }

  /** The stored steps, in a list that the work goes on adding to. */
  public static List<ChatMessage> steps(String json) {
    return new ArrayList<>(ChatMessageDeserializer.messagesFromJson(json));
  }

  /**
   * The tool calls of the log's last step that have no result yet: their node died while they ran,
   * or they wait for a person's decision. None when the log does not end with calls.
   */
  public static List<ToolExecutionRequest> unanswered(List<ChatMessage> log) {
    int last = log.size() - 1;
    while (last >= 0 && log.get(last) instanceof ToolExecutionResultMessage) {
      last--;
    }
    if (last < 0 || !(log.get(last) instanceof AiMessage ai) || !ai.hasToolExecutionRequests()) {
      return List.of();
    }
    Set<String> answered =
        log.subList(last + 1, log.size()).stream()
            .map(m -> ((ToolExecutionResultMessage) m).id())
            .collect(Collectors.toSet());
    return ai.toolExecutionRequests().stream()
        .filter(call -> !answered.contains(call.id()))
        .toList();
  }
}

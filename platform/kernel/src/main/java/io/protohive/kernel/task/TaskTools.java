package io.protohive.kernel.task;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;

/** The tools every agent has for its work on a task, besides its plugin tools. */
final class TaskTools {

  static final String DELEGATE = "task_delegate";
  static final String COMMENT = "task_comment";
  static final String COMPLETE = "task_complete";
  static final String ESCALATE = "task_escalate";

  private TaskTools() {}

  static List<ToolSpecification> specifications(boolean hasReports) {
    ToolSpecification comment =
        tool(
            COMMENT,
            "Post a progress note on the task for the people following it.",
            JsonObjectSchema.builder().addStringProperty("text").required("text").build());
    ToolSpecification complete =
        tool(
            COMPLETE,
            "Finish the task with its result. Call it once the work is done.",
            JsonObjectSchema.builder()
                .addStringProperty("result", "What was done or found, for the requester")
                .required("result")
                .build());
    ToolSpecification escalate =
        tool(
            ESCALATE,
            "Hand the task to your manager, or to a person if you have none, when you cannot go"
                + " on; say why.",
            JsonObjectSchema.builder().addStringProperty("reason").required("reason").build());
    if (!hasReports) {
      return List.of(comment, complete, escalate);
    }
    ToolSpecification delegate =
        tool(
            DELEGATE,
            "Give part of the work to one of your reports as a subtask. You are woken up when"
                + " all your subtasks are done, with their results.",
            JsonObjectSchema.builder()
                .addStringProperty("title")
                .addStringProperty("description")
                .addStringProperty("assignee", "The name of the report who does it")
                .required("title", "assignee")
                .build());
    return List.of(delegate, comment, complete, escalate);
  }

  private static ToolSpecification tool(String name, String description, JsonObjectSchema schema) {
    return ToolSpecification.builder()
        .name(name)
        .description(description)
        .parameters(schema)
        .build();
  }
}

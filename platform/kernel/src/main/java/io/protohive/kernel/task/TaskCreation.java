package io.protohive.kernel.task;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.kernel.conversation.AgentWork;
import io.protohive.kernel.conversation.PlatformTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * {@value #NAME}: in a conversation, an agent puts a task on its organization's board, assigned to
 * itself and reported by the person it answers, and starts working on it in the background. The
 * person's rights decide, as when they create a task themselves.
 */
@ApplicationScoped
public class TaskCreation implements PlatformTool {

  static final String NAME = "task_create";

  @Inject TaskService tasks;

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(NAME)
        .description(
            "When the person asks you to get something done, put it on the organization's task"
                + " board as a task of yours; you then work on it in the background and may"
                + " delegate parts to your reports.")
        .parameters(
            JsonObjectSchema.builder()
                .addStringProperty("title", "A short title")
                .addStringProperty("description", "What is to be done, in the person's words")
                .required("title")
                .build())
        .build();
  }

  @Override
  public String call(AgentWork work, Map<String, Object> arguments) {
    TaskView task =
        tasks.create(
            work.person(),
            work.agent().organizationId(),
            new TaskDraft(
                text(arguments, "title"),
                text(arguments, "description"),
                null,
                null,
                work.agent().id(),
                null,
                null,
                null));
    return "The task \""
        + task.title()
        + "\" is on the task board, assigned to "
        + work.agent().name()
        + " (task id "
        + task.id()
        + ").";
  }

  private static String text(Map<String, Object> arguments, String name) {
    Object value = arguments.get(name);
    return value == null ? null : value.toString();
  }
}

package io.protohive.kernel.task;

import jakarta.json.JsonArray;
import java.util.List;

/**
 * A task with its subtasks, comments (oldest first), approvals, and its agent's work so far: the
 * messages of its sessions, as LangChain4j serializes chat messages.
 */
public record TaskDetails(
    TaskView task,
    List<TaskView> subtasks,
    List<CommentView> comments,
    List<ApprovalView> approvals,
    JsonArray work) {}

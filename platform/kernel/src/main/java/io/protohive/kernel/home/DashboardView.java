package io.protohive.kernel.home;

import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a person finds on their home page: their organizations and the agents at work in them, the
 * conversations with messages they have not read, their open tasks, the approvals they may decide
 * and, for tenant admins, the month's LLM spend.
 *
 * @param spend {@code null} unless the person administers the tenant
 */
public record DashboardView(
    List<OrganizationAtWork> organizations,
    List<UnreadConversation> unreadConversations,
    List<TaskItem> assignedTasks,
    List<TaskItem> reportedTasks,
    List<WaitingApproval> approvals,
    Spend spend) {

  /** One of the person's organizations, with its agents that are working now. */
  public record OrganizationAtWork(
      UUID id, String name, Role role, List<AgentAtWork> agentsAtWork) {}

  /**
   * An agent answering in a conversation or working on a task right now.
   *
   * @param conversationId the conversation it is answering in, or {@code null}
   * @param taskId the task it works on, or {@code null}
   */
  public record AgentAtWork(
      UUID id, String name, String role, UUID conversationId, UUID taskId, String taskTitle) {}

  /**
   * A conversation the person takes part in (started or opened) with messages from others since
   * they last read it.
   */
  public record UnreadConversation(
      UUID id,
      UUID organizationId,
      String organizationName,
      String title,
      long newMessages,
      Instant lastMessageAt) {}

  /** An open task. */
  public record TaskItem(
      UUID id,
      UUID organizationId,
      String organizationName,
      String title,
      TaskStatus status,
      TaskPriority priority,
      Instant dueAt,
      Instant updatedAt) {}

  /** An agent's held action that the person may approve or reject. */
  public record WaitingApproval(
      UUID id,
      UUID taskId,
      String taskTitle,
      UUID organizationId,
      String organizationName,
      UUID agentId,
      String agentName,
      String toolId,
      Instant createdAt) {}

  /**
   * The tenant's LLM use this month, and its budgets.
   *
   * @param periodStart the first instant of the month (UTC) that budgets count
   */
  public record Spend(
      Instant periodStart, long calls, long tokens, long costMicros, List<Budget> budgets) {}
}

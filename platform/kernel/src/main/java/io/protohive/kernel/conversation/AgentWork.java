package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.TenantBound;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an agent calls a platform tool: for which person, and in which conversation or task.
 *
 * @param conversationId the conversation the agent answers in, or null in task work
 * @param taskId the task the agent works on, or null in a conversation
 */
public record AgentWork(Caller person, AgentView agent, UUID conversationId, UUID taskId)
    implements TenantBound {

  public AgentWork {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(agent, "agent");
    if ((conversationId == null) == (taskId == null)) {
      throw new IllegalArgumentException("an agent works in either a conversation or a task");
    }
  }

  @Override
  public UUID tenantId() {
    return person.tenantId();
  }

  public static AgentWork inConversation(Caller person, AgentView agent, UUID conversationId) {
    return new AgentWork(person, agent, conversationId, null);
  }

  public static AgentWork onTask(Caller person, AgentView agent, UUID taskId) {
    return new AgentWork(person, agent, null, taskId);
  }
}

package io.protohive.ui.task;

import java.util.UUID;

/**
 * Someone a task may be given to: an agent of the organization or one of its members.
 *
 * @param agentId the agent, or {@code null} for a person
 * @param userId the person, or {@code null} for an agent
 * @param about an agent's role or a person's email, to tell two of the same name apart
 * @param color the colour of the initial the assignee is shown with
 */
record Assignee(UUID agentId, UUID userId, String name, String about, String color) {

  /** How the assignee is offered in a list: name and what tells it apart. */
  String label() {
    return about == null ? name : name + " · " + about;
  }
}

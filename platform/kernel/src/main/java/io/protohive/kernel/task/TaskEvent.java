package io.protohive.kernel.task;

import java.io.Serializable;
import java.util.UUID;

/**
 * Something that happened to an organization's tasks, for its live boards and socket subscribers.
 *
 * @param type {@code task.updated}, {@code task.comment} or {@code approval.requested}
 * @param payload JSON: the task, the comment or the approval
 */
public record TaskEvent(
    UUID tenantId, UUID organizationId, UUID taskId, String type, String payload)
    implements Serializable {}

package io.protohive.kernel.task;

/**
 * A person's decision on an approval.
 *
 * @param approve true to let the action run, false to refuse it
 * @param arguments edited arguments as a JSON object, or {@code null} to keep the agent's
 * @param note why, shown to the agent
 */
public record ApprovalDecision(Boolean approve, String arguments, String note) {}

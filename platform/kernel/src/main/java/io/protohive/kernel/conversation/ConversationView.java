package io.protohive.kernel.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation of people with agents of one organization.
 *
 * @param moderatorAgentId the agent that picks speakers, with {@link SpeakerSelection#MODERATOR}
 */
public record ConversationView(
    UUID id,
    UUID organizationId,
    String title,
    List<UUID> agentIds,
    SpeakerSelection speakerSelection,
    UUID moderatorAgentId,
    Instant createdAt) {}

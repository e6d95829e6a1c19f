package io.protohive.kernel.knowledge;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The files one search may read: those of one organization that are ready, not deleted and visible
 * to the reader, optionally narrowed to some knowledge bases. Only the current version of each file
 * is searched.
 *
 * <p>Files of visibility ORGANIZATION are visible to every member and agent of the organization. A
 * NAMED file is visible to its owner, to the account or agent it is shared with, and to the
 * organization's admins ({@code seesAll}).
 *
 * @param accountId the person who reads, or null when an agent reads
 * @param agentId the agent that reads, or null when a person reads
 * @param knowledgeBases the knowledge bases to search within, their files and their folders' files
 *     (subfolders included); empty searches every file the reader may see
 * @param attachedIn a conversation whose attached files an agent reads besides, whatever their
 *     visibility and knowledge bases: attaching a file to a message lets the conversation's agents
 *     read it; or null
 */
public record SearchScope(
    UUID organizationId,
    UUID accountId,
    UUID agentId,
    boolean seesAll,
    Set<UUID> knowledgeBases,
    UUID attachedIn) {

  public SearchScope {
    Objects.requireNonNull(organizationId, "organizationId");
    if ((accountId == null) == (agentId == null)) {
      throw new IllegalArgumentException("a search is read by either a person or an agent");
    }
    if (agentId != null && seesAll) {
      throw new IllegalArgumentException("only an organization's admins see every file");
    }
    if (attachedIn != null && agentId == null) {
      throw new IllegalArgumentException("a conversation's attached files are read by its agents");
    }
    knowledgeBases = Set.copyOf(knowledgeBases);
  }

  /** A member's search; an admin of the organization sees every file. */
  public static SearchScope person(UUID organizationId, UUID accountId, boolean seesAll) {
    return new SearchScope(organizationId, accountId, null, seesAll, Set.of(), null);
  }

  /** An agent's search within the given knowledge bases, or all it may see when there are none. */
  public static SearchScope agent(UUID organizationId, UUID agentId, Set<UUID> knowledgeBases) {
    return new SearchScope(organizationId, null, agentId, false, knowledgeBases, null);
  }

  /** The same reader, searching only the given knowledge bases. */
  public SearchScope within(Set<UUID> bases) {
    return new SearchScope(organizationId, accountId, agentId, seesAll, bases, attachedIn);
  }

  /** The same agent, reading also the files attached in the conversation, if there is one. */
  public SearchScope withAttachedIn(UUID conversationId) {
    return new SearchScope(
        organizationId, accountId, agentId, seesAll, knowledgeBases, conversationId);
  }
}

package io.protohive.kernel.conversation;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Conversations of the members of an organization with its agents. Any member may talk to the
 * organization's agents; someone outside it learns nothing of its conversations.
 */
@ApplicationScoped
public class ConversationService {

  static final int MAX_CONTENT = 20_000;
  static final int MAX_AGENTS = 8;
  static final int MAX_FILES = 10;
  private static final String NOT_FOUND = "No conversation with this id in your organizations.";

  @Inject OrganizationService organizations;
  @Inject Authorization authorization;
  @Inject AgentService agents;
  @Inject ConversationStore store;
  @Inject ConversationTurns turns;
  @Inject FileService files;

  /** A person's message, and the run of the agent that answers it. */
  public record Posted(MessageView message, UUID runId, UUID agentId) {

    /** The agent whose run starts, and what for. */
    record Speaker(UUID agentId, RunKind kind) {}
  }

  /**
   * A new conversation with agents of the organization.
   *
   * @param selection how the next speaker is chosen; {@code null} for @mentions
   * @param moderatorAgentId the agent of the organization that moderates, with {@link
   *     SpeakerSelection#MODERATOR} only
   */
  @Transactional
  @InTenant
  public ConversationView create(
      Caller caller,
      UUID organizationId,
      List<UUID> agentIds,
      String title,
      SpeakerSelection selection,
      UUID moderatorAgentId) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    if (agentIds == null || agentIds.isEmpty() || agentIds.size() > MAX_AGENTS) {
      throw Rejection.invalid("agentIds", "Talk to one to " + MAX_AGENTS + " agents.");
    }
    List<AgentView> staff = agents.list(caller, organizationId);
    List<UUID> chosen = List.copyOf(new LinkedHashSet<>(agentIds));
    List<String> names =
        chosen.stream()
            .map(
                id ->
                    staff.stream()
                        .filter(a -> a.id().equals(id))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                Rejection.invalid(
                                    "agentIds", "Every agent must belong to the organization."))
                        .name())
            .toList();
    String named =
        title == null || title.isBlank() ? "Conversation with " + String.join(", ", names) : title;
    if (named.length() > 200) {
      throw Rejection.invalid("title", "The title has at most 200 characters.");
    }
    SpeakerSelection way = selection == null ? SpeakerSelection.MENTION : selection;
    if (way == SpeakerSelection.MODERATOR
        && (moderatorAgentId == null
            || staff.stream().noneMatch(agent -> agent.id().equals(moderatorAgentId)))) {
      throw Rejection.invalid(
          "moderatorAgentId", "A moderated conversation needs an agent of the organization.");
    }
    if (way != SpeakerSelection.MODERATOR && moderatorAgentId != null) {
      throw Rejection.invalid(
          "moderatorAgentId", "Only a conversation with speakerSelection MODERATOR has one.");
    }
    return store.insert(
        caller.tenantId(),
        organizationId,
        named.strip(),
        chosen,
        way,
        moderatorAgentId,
        caller.userId());
  }

  /** An organization's conversations, newest first. */
  @Transactional
  @InTenant
  public Page<ConversationView> list(
      Caller caller, UUID organizationId, Integer limit, String cursor) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(store.list(organizationId, page), row -> Cursor.of(row.createdAt(), row.id()));
  }

  @Transactional
  @InTenant
  public ConversationView get(Caller caller, UUID conversationId) {
    return visible(caller, conversationId);
  }

  /** Marks the conversation read by the caller, who is watching its messages arrive. */
  @Transactional
  @InTenant
  public void read(Caller caller, UUID conversationId) {
    visible(caller, conversationId);
    store.markRead(caller.tenantId(), conversationId, caller.userId());
  }

  /** The conversation's messages, oldest first; reading them marks the conversation read. */
  @Transactional
  @InTenant
  public Page<MessageView> messages(
      Caller caller, UUID conversationId, Integer limit, String cursor) {
    visible(caller, conversationId);
    PageRequest page = PageRequest.of(limit, cursor);
    store.markRead(caller.tenantId(), conversationId, caller.userId());
    return page.page(
        store.messages(conversationId, page), row -> Cursor.of(row.createdAt(), row.id()));
  }

  /**
   * A person says something: the message is stored with the run that answers it and the run's job,
   * which a worker claims once all three are committed. The answering agent is the named one, else
   * the {@code @mentioned} one, else as the conversation chooses: its first agent, the agent after
   * the last one that spoke, or its moderator's run that picks the speaker.
   *
   * @param fileIds files of the organization the person may read, attached to the message; they
   *     join the conversation's knowledge
   */
  @Transactional
  @InTenant
  public Posted say(
      Caller caller, UUID conversationId, String content, UUID agentId, List<UUID> fileIds) {
    ConversationView conversation = visible(caller, conversationId);
    if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
      throw Rejection.invalid("content", "A message has 1 to 20,000 characters.");
    }
    List<AttachedFile> attached = attachable(caller, conversation, fileIds);
    Posted.Speaker speaker = speaker(caller, conversation, content, agentId);
    MessageView added =
        store.addMessage(
            caller.tenantId(), conversationId, "USER", caller.userId(), content, null, null);
    store.attach(caller.tenantId(), added, attached);
    MessageView message = added.withFiles(attached);
    UUID runId =
        store.startRun(
            caller.tenantId(), conversationId, speaker.agentId(), speaker.kind(), caller.userId());
    Posted posted = new Posted(message, runId, speaker.agentId());
    turns.enqueue(caller, runId, 0, posted);
    return posted;
  }

  /**
   * Searches the messages of an organization's conversations for those holding every one of the
   * words, newest first.
   */
  @Transactional
  @InTenant
  public List<MessageView> search(Caller caller, UUID organizationId, String words) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    if (words == null || words.isBlank() || words.length() > 200) {
      throw Rejection.invalid("q", "Search for 1 to 200 characters of words.");
    }
    return store.search(caller.tenantId(), organizationId, words.strip(), Page.DEFAULT_LIMIT);
  }

  @Transactional
  @InTenant
  public RunView run(Caller caller, UUID runId) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No run with this id.");
    }
    RunView run =
        store
            .run(runId)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No run with this id."));
    visible(caller, run.conversationId());
    return run;
  }

  /** Marks a visible run to stop; the node that runs it stops it before its next step. */
  @Transactional
  @InTenant
  RunView requestStop(Caller caller, UUID runId) {
    RunView run = run(caller, runId);
    store.requestStop(runId);
    return run;
  }

  /**
   * The files a person attaches: each one they may read, of the conversation's organization. By
   * attaching a file they let the conversation's agents read it.
   */
  private List<AttachedFile> attachable(
      Caller caller, ConversationView conversation, List<UUID> fileIds) {
    if (fileIds == null || fileIds.isEmpty()) {
      return List.of();
    }
    if (fileIds.size() > MAX_FILES || new HashSet<>(fileIds).size() != fileIds.size()) {
      throw Rejection.invalid(
          "files", "A message carries up to " + MAX_FILES + " different files.");
    }
    List<AttachedFile> attached = new ArrayList<>();
    for (UUID fileId : fileIds) {
      FileView file = readableFile(caller, fileId);
      if (!file.organizationId().equals(conversation.organizationId())) {
        throw noSuchFile(fileId);
      }
      attached.add(
          new AttachedFile(file.id(), file.name(), file.contentType(), file.status().name()));
    }
    return attached;
  }

  /** The file, when the person may read it; the message is refused otherwise. */
  private FileView readableFile(Caller caller, UUID fileId) {
    if (fileId == null) {
      throw noSuchFile(null);
    }
    try {
      return files.get(caller, fileId);
    } catch (Rejection unseen) {
      throw noSuchFile(fileId);
    }
  }

  private static Rejection noSuchFile(UUID fileId) {
    return Rejection.invalid("files", "No file with the id " + fileId + " in this organization.");
  }

  private Posted.Speaker speaker(
      Caller caller, ConversationView conversation, String content, UUID requested) {
    List<UUID> participants = conversation.agentIds();
    if (requested != null) {
      if (!participants.contains(requested)) {
        throw Rejection.invalid("agentId", "That agent is not part of this conversation.");
      }
      return new Posted.Speaker(requested, RunKind.ANSWER);
    }
    Map<UUID, String> names =
        agents.list(caller, conversation.organizationId()).stream()
            .collect(Collectors.toMap(AgentView::id, AgentView::name));
    return NextSpeaker.mentioned(content, participants, names, null)
        .map(id -> new Posted.Speaker(id, RunKind.ANSWER))
        .orElseGet(
            () ->
                switch (conversation.speakerSelection()) {
                  case MENTION -> new Posted.Speaker(participants.get(0), RunKind.ANSWER);
                  case ROUND_ROBIN ->
                      new Posted.Speaker(
                          NextSpeaker.after(
                              participants, store.lastAgentSpeaker(conversation.id()).orElse(null)),
                          RunKind.ANSWER);
                  case MODERATOR ->
                      conversation.moderatorAgentId() == null // the moderator was deleted
                          ? new Posted.Speaker(participants.get(0), RunKind.ANSWER)
                          : new Posted.Speaker(conversation.moderatorAgentId(), RunKind.MODERATION);
                });
  }

  private ConversationView visible(Caller caller, UUID conversationId) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    ConversationView conversation =
        store
            .find(conversationId)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND));
    try {
      authorization.organization(caller, conversation.organizationId(), Permission.VIEW);
    } catch (Rejection e) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    return conversation;
  }
}

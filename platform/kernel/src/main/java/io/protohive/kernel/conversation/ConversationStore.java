package io.protohive.kernel.conversation;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.FieldKeys;
import io.protohive.kernel.encryption.SealedColumn;
import io.protohive.kernel.encryption.SearchTerms;
import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes conversations, messages and runs. No access checks: callers bring them, the
 * transaction and the tenant scope.
 */
@ApplicationScoped
public class ConversationStore {

  /**
   * A message row {@code m} as {@link #message} reads it, with its attached files that are not in
   * the bin as a JSON array.
   */
  private static final String MESSAGE_COLUMNS =
      "select m.id, m.conversation_id, m.author_kind, m.author_id, m.content, m.run_id,"
          + " m.created_at, m.model, m.tenant_id, m.content_key,"
          + " (select coalesce(json_agg(json_build_object('id', f.id, 'name', f.name,"
          + " 'contentType', f.content_type, 'status', f.status) order by mf.position), '[]')::text"
          + " from message_file mf join stored_file f on f.id = mf.file_id"
          + " where mf.message_id = m.id and f.deleted_at is null) as files";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject FieldKeys fieldKeys;

  /** The rolling summary of a conversation's oldest messages, and how many it covers. */
  record Summary(String text, int messages) {}

  private static final String CONVERSATION_COLUMNS =
      "id, organization_id, title, speaker_selection, moderator_agent_id, created_at";

  ConversationView insert(
      UUID tenantId,
      UUID organizationId,
      String title,
      List<UUID> agentIds,
      SpeakerSelection selection,
      UUID moderatorAgentId,
      UUID createdBy) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    entityManager
        .createNativeQuery(
            "insert into conversation (id, tenant_id, organization_id, title, created_by,"
                + " created_at, speaker_selection, moderator_agent_id)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, organizationId)
        .setParameter(4, title)
        .setParameter(5, createdBy)
        .setParameter(6, Timestamp.from(now))
        .setParameter(7, selection.name())
        .setParameter(8, moderatorAgentId)
        .executeUpdate();
    for (int position = 0; position < agentIds.size(); position++) {
      entityManager
          .createNativeQuery(
              "insert into conversation_agent (conversation_id, agent_id, position, tenant_id)"
                  + " values (?1, ?2, ?3, ?4)")
          .setParameter(1, id)
          .setParameter(2, agentIds.get(position))
          .setParameter(3, position)
          .setParameter(4, tenantId)
          .executeUpdate();
    }
    return new ConversationView(
        id, organizationId, title, List.copyOf(agentIds), selection, moderatorAgentId, now);
  }

  Optional<ConversationView> find(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select " + CONVERSATION_COLUMNS + " from conversation where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(this::conversation);
  }

  /** Records that the person has read the conversation up to now. */
  void markRead(UUID tenantId, UUID conversationId, UUID userId) {
    entityManager
        .createNativeQuery(
            "insert into conversation_read (conversation_id, user_id, tenant_id, read_at)"
                + " values (?1, ?2, ?3, ?4) on conflict (conversation_id, user_id)"
                + " do update set read_at = greatest(conversation_read.read_at, excluded.read_at)")
        .setParameter(1, conversationId)
        .setParameter(2, userId)
        .setParameter(3, tenantId)
        .setParameter(4, Timestamp.from(now()))
        .executeUpdate();
  }

  /**
   * An organization's conversations, newest first, after the cursor; at most {@code page.fetch()}.
   */
  List<ConversationView> list(UUID organizationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + CONVERSATION_COLUMNS
                    + " from conversation where organization_id = ?1"
                    + page.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2)
                    + " order by created_at desc, id desc limit ?4")
            .setParameter(1, organizationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream().map(this::conversation).toList();
  }

  private ConversationView conversation(Object[] row) {
    UUID id = (UUID) row[0];
    List<UUID> agentIds =
        entityManager
            .createNativeQuery(
                "select agent_id from conversation_agent where conversation_id = ?1"
                    + " order by position")
            .setParameter(1, id)
            .getResultList();
    return new ConversationView(
        id,
        (UUID) row[1],
        (String) row[2],
        agentIds,
        SpeakerSelection.valueOf((String) row[3]),
        (UUID) row[4],
        ((Timestamp) row[5]).toInstant());
  }

  Summary summary(UUID conversationId) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select summary, summarized_messages, tenant_id, summary_key from conversation"
                        + " where id = ?1")
                .setParameter(1, conversationId)
                .getSingleResult();
    String text =
        row[0] == null
            ? null
            : fieldKeys
                .of((UUID) row[2])
                .read(
                    (String) row[0],
                    row[3] == null ? null : ((Number) row[3]).longValue(),
                    SealedColumn.CONVERSATION_SUMMARY.context(conversationId));
    return new Summary(text, ((Number) row[1]).intValue());
  }

  /**
   * Replaces the summary, unless another turn did so since {@code covered} was read: the summary
   * only ever moves forward.
   */
  void replaceSummary(UUID tenantId, UUID conversationId, Summary covered, Summary next) {
    FieldKey key = fieldKeys.of(tenantId);
    entityManager
        .createNativeQuery(
            "update conversation set summary = ?2, summarized_messages = ?3, summary_key = ?5"
                + " where id = ?1 and summarized_messages = ?4")
        .setParameter(1, conversationId)
        .setParameter(
            2, key.seal(next.text(), SealedColumn.CONVERSATION_SUMMARY.context(conversationId)))
        .setParameter(3, next.messages())
        .setParameter(4, covered.messages())
        .setParameter(5, (long) key.primaryId())
        .executeUpdate();
  }

  int countMessages(UUID conversationId) {
    return ((Number)
            entityManager
                .createNativeQuery("select count(*) from message where conversation_id = ?1")
                .setParameter(1, conversationId)
                .getSingleResult())
        .intValue();
  }

  /** Messages in order, skipping the first {@code offset}. */
  List<MessageView> messagesFrom(UUID conversationId, int offset, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                MESSAGE_COLUMNS
                    + " from message m where m.conversation_id = ?1"
                    + " order by m.created_at, m.id offset ?2 limit ?3")
            .setParameter(1, conversationId)
            .setParameter(2, offset)
            .setParameter(3, limit)
            .getResultList();
    return messages(rows);
  }

  /** The agent that spoke last in the conversation, if any did. */
  Optional<UUID> lastAgentSpeaker(UUID conversationId) {
    List<UUID> rows =
        entityManager
            .createNativeQuery(
                "select author_id from message where conversation_id = ?1"
                    + " and author_kind = 'AGENT' order by created_at desc, id desc limit 1")
            .setParameter(1, conversationId)
            .getResultList();
    return rows.stream().findFirst();
  }

  MessageView addMessage(
      UUID tenantId,
      UUID conversationId,
      String kind,
      UUID authorId,
      String content,
      UUID runId,
      String model) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    FieldKey key = fieldKeys.of(tenantId);
    entityManager
        .createNativeQuery(
            "insert into message (id, tenant_id, conversation_id, author_kind, author_id,"
                + " content, run_id, created_at, model, content_key, search_terms)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, cast(?11 as bigint[]))")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, conversationId)
        .setParameter(4, kind)
        .setParameter(5, authorId)
        .setParameter(6, key.seal(content, SealedColumn.MESSAGE_CONTENT.context(id)))
        .setParameter(7, runId)
        .setParameter(8, Timestamp.from(now))
        .setParameter(9, model)
        .setParameter(10, (long) key.primaryId())
        .setParameter(11, SearchTerms.literal(key.searchTerms(content)))
        .executeUpdate();
    return new MessageView(
        id, conversationId, kind, authorId, content, runId, model, now, List.of());
  }

  /**
   * The files the run's tools kept that are not in the bin, in the order they were kept: files of
   * the run's organization with no folder, made since the run started.
   */
  @SuppressWarnings("unchecked")
  List<AttachedFile> keptBy(UUID organizationId, UUID runId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select f.id, f.name, f.content_type, f.status from stored_file f"
                    + " where f.organization_id = ?1 and f.folder_id is null and f.run_id = ?2"
                    + " and f.deleted_at is null"
                    + " and f.created_at >= (select r.started_at from agent_run r where r.id = ?2)"
                    + " order by f.created_at, f.id")
            .setParameter(1, organizationId)
            .setParameter(2, runId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new AttachedFile((UUID) row[0], (String) row[1], (String) row[2], (String) row[3]))
        .toList();
  }

  /**
   * Attaches the files to a message, in their order: those a person attached, or those the agent's
   * tools kept while it wrote its answer. They join the conversation's.
   */
  void attach(UUID tenantId, MessageView message, List<AttachedFile> files) {
    for (int i = 0; i < files.size(); i++) {
      entityManager
          .createNativeQuery(
              "insert into message_file (message_id, file_id, conversation_id, tenant_id,"
                  + " position) values (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, message.id())
          .setParameter(2, files.get(i).id())
          .setParameter(3, message.conversationId())
          .setParameter(4, tenantId)
          .setParameter(5, i)
          .executeUpdate();
    }
  }

  /** Messages in order, after the cursor; at most {@code page.fetch()}. */
  List<MessageView> messages(UUID conversationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                MESSAGE_COLUMNS
                    + " from message m where m.conversation_id = ?1"
                    + page.keyset("m.created_at, m.id", PageRequest.Order.OLDEST_FIRST, 2)
                    + " order by m.created_at, m.id limit ?4")
            .setParameter(1, conversationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return messages(rows);
  }

  /**
   * The messages of an organization's conversations that hold every one of the words, newest first:
   * their contents are sealed, so they are found by the keyed hashes of their words.
   */
  List<MessageView> search(UUID tenantId, UUID organizationId, String words, int limit) {
    long[] terms = fieldKeys.of(tenantId).searchTerms(words);
    if (terms.length == 0) {
      return List.of();
    }
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                MESSAGE_COLUMNS
                    + " from message m join conversation c on c.id = m.conversation_id"
                    + " where c.organization_id = ?1 and m.search_terms @> cast(?2 as bigint[])"
                    + " order by m.created_at desc, m.id desc limit ?3")
            .setParameter(1, organizationId)
            .setParameter(2, SearchTerms.literal(terms))
            .setParameter(3, limit)
            .getResultList();
    return messages(rows);
  }

  UUID startRun(UUID tenantId, UUID conversationId, UUID agentId, RunKind kind, UUID requestedBy) {
    UUID id = UUID.randomUUID();
    entityManager
        .createNativeQuery(
            "insert into agent_run (id, tenant_id, conversation_id, agent_id, requested_by,"
                + " status, started_at, kind) values (?1, ?2, ?3, ?4, ?5, 'RUNNING', ?6, ?7)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, conversationId)
        .setParameter(4, agentId)
        .setParameter(5, requestedBy)
        .setParameter(6, Timestamp.from(now()))
        .setParameter(7, kind.name())
        .executeUpdate();
    return id;
  }

  /**
   * Ends a running run; false when it had ended already (a node that lost the run's job to another
   * one finishes late), so that a run ends, and leaves its message, once.
   */
  boolean finishRun(UUID runId, String status, String trace, String error) {
    return entityManager
            .createNativeQuery(
                "update agent_run set status = ?2, trace = cast(?3 as jsonb), error = ?4,"
                    + " finished_at = ?5 where id = ?1 and status = 'RUNNING'")
            .setParameter(1, runId)
            .setParameter(2, status)
            .setParameter(3, trace)
            .setParameter(4, error)
            .setParameter(5, Timestamp.from(now()))
            .executeUpdate()
        == 1;
  }

  /** Marks a running run to stop before its next step, on whichever node runs it. */
  void requestStop(UUID runId) {
    entityManager
        .createNativeQuery(
            "update agent_run set stop_requested = true where id = ?1 and status = 'RUNNING'")
        .setParameter(1, runId)
        .executeUpdate();
  }

  boolean stopRequested(UUID runId) {
    List<?> rows =
        entityManager
            .createNativeQuery("select stop_requested from agent_run where id = ?1")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream().findFirst().map(Boolean.TRUE::equals).orElse(false);
  }

  /** Adds finished steps to the run's work log, while it runs; a step is one statement. */
  void appendWork(UUID runId, String steps) {
    entityManager
        .createNativeQuery(
            "update agent_run set work_log = work_log || cast(?2 as jsonb)"
                + " where id = ?1 and status = 'RUNNING'")
        .setParameter(1, runId)
        .setParameter(2, steps)
        .executeUpdate();
  }

  /** The steps the run finished, as JSON. */
  String workLog(UUID runId) {
    return (String)
        entityManager
            .createNativeQuery("select work_log::text from agent_run where id = ?1")
            .setParameter(1, runId)
            .getSingleResult();
  }

  Optional<MessageView> message(UUID messageId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(MESSAGE_COLUMNS + " from message m where m.id = ?1")
            .setParameter(1, messageId)
            .getResultList();
    return messages(rows).stream().findFirst();
  }

  Optional<RunView> run(UUID runId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, conversation_id, agent_id, kind, status, trace::text, error,"
                    + " started_at, finished_at from agent_run where id = ?1")
            .setParameter(1, runId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new RunView(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    RunKind.valueOf((String) r[3]),
                    (String) r[4],
                    Json.createReader(new StringReader((String) r[5])).readArray(),
                    (String) r[6],
                    ((Timestamp) r[7]).toInstant(),
                    r[8] == null ? null : ((Timestamp) r[8]).toInstant()));
  }

  /** Rows of {@link #MESSAGE_COLUMNS}, of one tenant, their contents opened. */
  private List<MessageView> messages(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    FieldKey key = fieldKeys.of((UUID) rows.get(0)[8]);
    return rows.stream()
        .map(
            row ->
                new MessageView(
                    (UUID) row[0],
                    (UUID) row[1],
                    (String) row[2],
                    (UUID) row[3],
                    key.read(
                        (String) row[4],
                        row[9] == null ? null : ((Number) row[9]).longValue(),
                        SealedColumn.MESSAGE_CONTENT.context((UUID) row[0])),
                    (UUID) row[5],
                    (String) row[7],
                    ((Timestamp) row[6]).toInstant(),
                    files((String) row[10])))
        .toList();
  }

  private static List<AttachedFile> files(String json) {
    return Json.createReader(new StringReader(json)).readArray().stream()
        .map(JsonValue::asJsonObject)
        .map(
            file ->
                new AttachedFile(
                    UUID.fromString(file.getString("id")),
                    file.getString("name"),
                    file.getString("contentType"),
                    file.getString("status")))
        .toList();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}

package io.protohive.kernel.conversation;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Conversation events in {@code conversation_event}. Streamed words arrive with ids taken ahead
 * from the table's sequence and are written many rows to a statement; every other event takes the
 * next id of the sequence when it is written, after the words of its conversation that came before
 * it.
 */
@ApplicationScoped
public class EventStore {

  /** Rows per insert statement: seven parameters a row stays far below PostgreSQL's limit. */
  private static final int ROWS_PER_STATEMENT = 500;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** An event not written yet, and when it happened. */
  record Row(ConversationEvent event, Instant at) {}

  /** The next {@code count} ids of the table's sequence, ascending. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  long[] reserve(int count) {
    List<?> ids =
        entityManager
            .createNativeQuery(
                "select nextval('conversation_event_id_seq') from generate_series(1, ?1)")
            .setParameter(1, count)
            .getResultList();
    return ids.stream().mapToLong(id -> ((Number) id).longValue()).sorted().toArray();
  }

  /** Writes events whose ids were taken ahead, in one transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  void appendAll(@TenantId UUID tenantId, List<Row> rows) {
    insert(tenantId, rows);
  }

  /**
   * Writes the rows given, then an event with the sequence's next id, in one transaction.
   *
   * @return the event, with its id
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  ConversationEvent appendAfter(
      @TenantId UUID tenantId,
      List<Row> before,
      UUID conversationId,
      UUID runId,
      String type,
      String payload) {
    long id =
        ((Number)
                entityManager
                    .createNativeQuery("select nextval('conversation_event_id_seq')")
                    .getSingleResult())
            .longValue();
    ConversationEvent event = new ConversationEvent(id, conversationId, runId, type, payload);
    List<Row> rows = new ArrayList<>(before);
    rows.add(new Row(event, Instant.now()));
    insert(tenantId, rows);
    return event;
  }

  private void insert(UUID tenantId, List<Row> rows) {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      StringBuilder sql =
          new StringBuilder(
              "insert into conversation_event (id, tenant_id, conversation_id, run_id, type,"
                  + " payload, created_at) values ");
      for (int i = 0; i < chunk.size(); i++) {
        int p = 2 + i * 6;
        sql.append(i == 0 ? "" : ", ")
            .append("(?")
            .append(p)
            .append(", ?1, ?")
            .append(p + 1)
            .append(", cast(?")
            .append(p + 2)
            .append(" as uuid), ?")
            .append(p + 3)
            .append(", cast(?")
            .append(p + 4)
            .append(" as jsonb), ?")
            .append(p + 5)
            .append(')');
      }
      Query insert = entityManager.createNativeQuery(sql.toString()).setParameter(1, tenantId);
      for (int i = 0; i < chunk.size(); i++) {
        ConversationEvent event = chunk.get(i).event();
        int p = 2 + i * 6;
        insert
            .setParameter(p, event.id())
            .setParameter(p + 1, event.conversationId())
            .setParameter(p + 2, event.runId())
            .setParameter(p + 3, event.type())
            .setParameter(p + 4, event.payload())
            .setParameter(p + 5, Timestamp.from(chunk.get(i).at()));
      }
      insert.executeUpdate();
    }
  }

  /** The events of a conversation after the given id, in order. */
  @Transactional
  @InTenant
  List<ConversationEvent> after(@TenantId UUID tenantId, UUID conversationId, long afterId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, conversation_id, run_id, type, payload::text from conversation_event"
                    + " where conversation_id = ?1 and id > ?2 order by id")
            .setParameter(1, conversationId)
            .setParameter(2, afterId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ConversationEvent(
                    ((Number) r[0]).longValue(),
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }
}

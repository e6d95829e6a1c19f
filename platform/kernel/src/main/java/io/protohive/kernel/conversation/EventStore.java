package io.protohive.kernel.conversation;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Conversation events in {@code conversation_event}, each written in a transaction of its own. */
@ApplicationScoped
public class EventStore {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  ConversationEvent append(
      @TenantId UUID tenantId, UUID conversationId, UUID runId, String type, String payload) {
    long id =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "insert into conversation_event (tenant_id, conversation_id, run_id, type,"
                            + " payload, created_at) values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)"
                            + " returning id")
                    .setParameter(1, tenantId)
                    .setParameter(2, conversationId)
                    .setParameter(3, runId)
                    .setParameter(4, type)
                    .setParameter(5, payload)
                    .setParameter(6, Timestamp.from(Instant.now()))
                    .getSingleResult())
            .longValue();
    return new ConversationEvent(id, conversationId, runId, type, payload);
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

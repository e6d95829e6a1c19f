package io.protohive.kernel.routine;

import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes routines and their runs. No access checks: callers bring them, the transaction
 * and the scope.
 */
@ApplicationScoped
public class RoutineStore {

  private static final String COLUMNS =
      "id, organization_id, name, agent_id, title_template, description_template, cron,"
          + " time_zone, enabled, next_run_at, last_run_at, created_at, updated_at";

  private static final String RUN_COLUMNS =
      "id, routine_id, trigger, due_at, task_id, error, created_at";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** A routine with what firing it needs besides its view. */
  record Row(RoutineView routine, String sealedSecret, UUID actingUserId) {}

  /** A routine whose schedule is due, of any tenant. */
  public record Due(UUID tenantId, UUID routineId, Instant at) {}

  void insert(UUID tenantId, RoutineView routine, String sealedSecret, UUID actingUserId) {
    entityManager
        .createNativeQuery(
            "insert into routine (id, tenant_id, organization_id, name, agent_id, title_template,"
                + " description_template, cron, time_zone, enabled, sealed_secret,"
                + " acting_user_id, next_run_at, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)")
        .setParameter(1, routine.id())
        .setParameter(2, tenantId)
        .setParameter(3, routine.organizationId())
        .setParameter(4, routine.name())
        .setParameter(5, routine.agentId())
        .setParameter(6, routine.titleTemplate())
        .setParameter(7, routine.descriptionTemplate())
        .setParameter(8, routine.cron())
        .setParameter(9, routine.timeZone())
        .setParameter(10, routine.enabled())
        .setParameter(11, sealedSecret)
        .setParameter(12, actingUserId)
        .setParameter(13, timestamp(routine.nextRunAt()))
        .setParameter(14, Timestamp.from(routine.createdAt()))
        .executeUpdate();
  }

  void update(RoutineView routine) {
    entityManager
        .createNativeQuery(
            "update routine set name = ?2, agent_id = ?3, title_template = ?4,"
                + " description_template = ?5, cron = ?6, time_zone = ?7, enabled = ?8,"
                + " next_run_at = ?9, updated_at = ?10 where id = ?1")
        .setParameter(1, routine.id())
        .setParameter(2, routine.name())
        .setParameter(3, routine.agentId())
        .setParameter(4, routine.titleTemplate())
        .setParameter(5, routine.descriptionTemplate())
        .setParameter(6, routine.cron())
        .setParameter(7, routine.timeZone())
        .setParameter(8, routine.enabled())
        .setParameter(9, timestamp(routine.nextRunAt()))
        .setParameter(10, Timestamp.from(now()))
        .executeUpdate();
  }

  void reseal(UUID routineId, String sealedSecret) {
    entityManager
        .createNativeQuery("update routine set sealed_secret = ?2, updated_at = ?3 where id = ?1")
        .setParameter(1, routineId)
        .setParameter(2, sealedSecret)
        .setParameter(3, Timestamp.from(now()))
        .executeUpdate();
  }

  void delete(UUID routineId) {
    entityManager
        .createNativeQuery("delete from routine where id = ?1")
        .setParameter(1, routineId)
        .executeUpdate();
  }

  Optional<Row> find(UUID routineId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select " + COLUMNS + ", sealed_secret, acting_user_id from routine where id = ?1")
            .setParameter(1, routineId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(row -> new Row(routine(row), (String) row[13], (UUID) row[14]));
  }

  List<RoutineView> inOrganization(UUID organizationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + COLUMNS
                    + " from routine where organization_id = ?1"
                    + page.keyset("created_at, id", PageRequest.Order.OLDEST_FIRST, 2)
                    + " order by created_at, id limit ?4")
            .setParameter(1, organizationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream().map(RoutineStore::routine).toList();
  }

  /** The tenant of a routine, read in the platform scope by the public door. */
  /** The tenant's own minimum interval between a schedule's firings, where it has one. */
  Optional<Duration> tenantMinInterval(UUID tenantId) {
    Object minutes =
        entityManager
            .createNativeQuery("select routine_min_interval_minutes from tenant where id = ?1")
            .setParameter(1, tenantId)
            .getSingleResult();
    return Optional.ofNullable((Number) minutes).map(m -> Duration.ofMinutes(m.longValue()));
  }

  Optional<UUID> tenantOf(UUID routineId) {
    List<UUID> rows =
        entityManager
            .createNativeQuery("select tenant_id from routine where id = ?1")
            .setParameter(1, routineId)
            .getResultList();
    return rows.stream().findFirst();
  }

  /** Enabled routines of every tenant whose schedule is due at {@code now}, the most late first. */
  List<Due> due(Instant now, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select tenant_id, id, next_run_at from routine"
                    + " where enabled and next_run_at <= ?1 order by next_run_at limit ?2")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, limit)
            .getResultList();
    return rows.stream()
        .map(row -> new Due((UUID) row[0], (UUID) row[1], instant(row[2])))
        .toList();
  }

  /**
   * Moves the schedule from {@code due} to {@code next}; false when it is no longer at {@code due},
   * because another node fired it or a person changed it. Of two nodes updating at once, the second
   * waits for the first's row lock and then finds the row moved on.
   */
  boolean advance(UUID routineId, Instant due, Instant next) {
    return entityManager
            .createNativeQuery(
                "update routine set next_run_at = ?3, last_run_at = ?2"
                    + " where id = ?1 and enabled and next_run_at = ?2")
            .setParameter(1, routineId)
            .setParameter(2, Timestamp.from(due))
            .setParameter(3, timestamp(next))
            .executeUpdate()
        == 1;
  }

  void ran(UUID routineId, Instant at) {
    entityManager
        .createNativeQuery("update routine set last_run_at = ?2 where id = ?1")
        .setParameter(1, routineId)
        .setParameter(2, Timestamp.from(at))
        .executeUpdate();
  }

  boolean seen(UUID routineId, String messageId) {
    return !entityManager
        .createNativeQuery("select 1 from routine_run where routine_id = ?1 and message_id = ?2")
        .setParameter(1, routineId)
        .setParameter(2, messageId)
        .getResultList()
        .isEmpty();
  }

  RunView addRun(
      UUID tenantId,
      UUID routineId,
      String trigger,
      Instant dueAt,
      String messageId,
      UUID taskId,
      String error) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    entityManager
        .createNativeQuery(
            "insert into routine_run (id, tenant_id, routine_id, trigger, due_at, message_id,"
                + " task_id, error, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, routineId)
        .setParameter(4, trigger)
        .setParameter(5, timestamp(dueAt))
        .setParameter(6, messageId)
        .setParameter(7, taskId)
        .setParameter(8, error)
        .setParameter(9, Timestamp.from(now))
        .executeUpdate();
    return new RunView(id, routineId, trigger, dueAt, taskId, error, now);
  }

  /** The routine's runs, newest first. */
  List<RunView> runs(UUID routineId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + RUN_COLUMNS
                    + " from routine_run where routine_id = ?1"
                    + page.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2)
                    + " order by created_at desc, id desc limit ?4")
            .setParameter(1, routineId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream()
        .map(
            row ->
                new RunView(
                    (UUID) row[0],
                    (UUID) row[1],
                    (String) row[2],
                    instant(row[3]),
                    (UUID) row[4],
                    (String) row[5],
                    instant(row[6])))
        .toList();
  }

  private static RoutineView routine(Object[] row) {
    return new RoutineView(
        (UUID) row[0],
        (UUID) row[1],
        (String) row[2],
        (UUID) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        (Boolean) row[8],
        instant(row[9]),
        instant(row[10]),
        instant(row[11]),
        instant(row[12]));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  /** The database keeps microseconds: a time read back equals the one written. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}

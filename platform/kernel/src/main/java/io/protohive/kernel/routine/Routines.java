package io.protohive.kernel.routine;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.task.TaskDraft;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import io.protohive.kernel.webhook.StandardWebhooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Routines: recurring work an organization's admins give an agent. A routine fires on its cron
 * schedule ({@link RoutineScheduler}), on a call of its inbound webhook signed the Standard
 * Webhooks way with the routine's secret, or on a member's API call; each firing puts a task on the
 * board, assigned to the agent, through {@link TaskService}, so the agent works it as it works any
 * task. Nothing runs, and no model is called, between firings.
 */
@ApplicationScoped
public class Routines {

  static final String SCHEDULE = "SCHEDULE";
  static final String WEBHOOK = "WEBHOOK";
  static final String API = "API";

  private static final int MAX_NAME = 200;
  private static final int MAX_TEXT = 10_000;
  private static final int MAX_TRIGGER_BODY = 8_000;
  private static final int MAX_CRON = 200;
  private static final String NOT_FOUND = "No routine with this id in your organizations.";

  @Inject RoutineStore store;
  @Inject Authorization authorization;
  @Inject AgentService agents;
  @Inject TaskService tasks;
  @Inject SecretBox secrets;
  @Inject PlatformSettings settings;
  @Inject RoutineClock clock;
  @Inject Routines self;

  @Transactional
  @InTenant
  public RoutineSecret create(Caller caller, UUID organizationId, RoutineDraft draft) {
    authorization.organization(caller, organizationId, Permission.EDIT);
    if (draft == null) {
      throw Rejection.invalid("name", "Give the routine a name, an agent and a task title.");
    }
    text("name", draft.name(), MAX_NAME);
    text("titleTemplate", draft.titleTemplate(), MAX_NAME);
    description(draft.descriptionTemplate());
    agent(caller, organizationId, draft.agentId());
    String zone = draft.timeZone() == null ? "UTC" : draft.timeZone();
    String cron = blankAsNull(draft.cron());
    boolean enabled = draft.enabled() == null || draft.enabled();
    Instant now = RoutineStore.now();
    RoutineView routine =
        new RoutineView(
            UUID.randomUUID(),
            organizationId,
            draft.name().strip(),
            draft.agentId(),
            draft.titleTemplate().strip(),
            draft.descriptionTemplate() == null ? "" : draft.descriptionTemplate(),
            cron,
            zone,
            enabled,
            nextRun(caller.tenantId(), cron, zone, enabled),
            null,
            now,
            now);
    String secret = StandardWebhooks.newSecret();
    store.insert(
        caller.tenantId(),
        routine,
        secrets.encrypt(secret, context(caller.tenantId(), routine.id())),
        caller.userId());
    return new RoutineSecret(routine, secret, triggerPath(routine.id()));
  }

  @Transactional
  @InTenant
  public Page<RoutineView> list(Caller caller, UUID organizationId, Integer limit, String cursor) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(
        store.inOrganization(organizationId, page),
        routine -> Cursor.of(routine.createdAt(), routine.id()));
  }

  @Transactional
  @InTenant
  public RoutineView get(Caller caller, UUID routineId) {
    return visible(caller, routineId, Permission.VIEW).routine();
  }

  /** A change by the organization's admins; pausing stops every trigger until resumed. */
  @Transactional
  @InTenant
  public RoutineView update(Caller caller, UUID routineId, RoutineDraft change) {
    RoutineView current = visible(caller, routineId, Permission.EDIT).routine();
    if (change == null) {
      throw Rejection.invalid("body", "Send the fields to change.");
    }
    if (change.name() != null) {
      text("name", change.name(), MAX_NAME);
    }
    if (change.titleTemplate() != null) {
      text("titleTemplate", change.titleTemplate(), MAX_NAME);
    }
    description(change.descriptionTemplate());
    if (change.agentId() != null) {
      agent(caller, current.organizationId(), change.agentId());
    }
    String cron = change.cron() == null ? current.cron() : blankAsNull(change.cron());
    String zone = change.timeZone() == null ? current.timeZone() : change.timeZone();
    boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
    boolean rescheduled =
        change.cron() != null || change.timeZone() != null || enabled != current.enabled();
    store.update(
        new RoutineView(
            current.id(),
            current.organizationId(),
            change.name() == null ? current.name() : change.name().strip(),
            change.agentId() == null ? current.agentId() : change.agentId(),
            change.titleTemplate() == null
                ? current.titleTemplate()
                : change.titleTemplate().strip(),
            change.descriptionTemplate() == null
                ? current.descriptionTemplate()
                : change.descriptionTemplate(),
            cron,
            zone,
            enabled,
            rescheduled ? nextRun(caller.tenantId(), cron, zone, enabled) : current.nextRunAt(),
            current.lastRunAt(),
            current.createdAt(),
            current.updatedAt()));
    return store.find(routineId).orElseThrow().routine();
  }

  @Transactional
  @InTenant
  public void delete(Caller caller, UUID routineId) {
    visible(caller, routineId, Permission.EDIT);
    store.delete(routineId);
  }

  /** A new inbound secret; calls signed with the old one are refused from now on. */
  @Transactional
  @InTenant
  public RoutineSecret rotateSecret(Caller caller, UUID routineId) {
    RoutineView routine = visible(caller, routineId, Permission.EDIT).routine();
    String secret = StandardWebhooks.newSecret();
    store.reseal(routineId, secrets.encrypt(secret, context(caller.tenantId(), routineId)));
    return new RoutineSecret(routine, secret, triggerPath(routineId));
  }

  /** The routine's runs, newest first. */
  @Transactional
  @InTenant
  public Page<RunView> runs(Caller caller, UUID routineId, Integer limit, String cursor) {
    visible(caller, routineId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(store.runs(routineId, page), run -> Cursor.of(run.createdAt(), run.id()));
  }

  /** Fires the routine now, for a member of its organization, who reports the task. */
  @Transactional
  @InTenant
  public RunView run(Caller caller, UUID routineId) {
    RoutineStore.Row row = visible(caller, routineId, Permission.VIEW);
    requireEnabled(row.routine());
    Instant now = clock.now();
    RunView run = fire(caller.tenantId(), row.routine(), caller, API, null, null, null, now);
    store.ran(routineId, now);
    return run;
  }

  /**
   * Fires the routine for a call of its inbound webhook, whoever sends it: the call is its own
   * credential, signed with the routine's secret over its id, timestamp and body, with a timestamp
   * within five minutes of now and an id not seen before, so a captured call cannot be replayed.
   */
  public RunView trigger(
      UUID routineId, String messageId, String timestamp, String signature, String body) {
    Optional<UUID> tenant = self.tenantOf(routineId);
    if (tenant.isEmpty()) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    return self.triggered(tenant.get(), routineId, messageId, timestamp, signature, body);
  }

  // public, as are the other transactions called through self: the container runs no
  // interceptor on a package-private method, so neither its transaction nor its scope would begin
  @Transactional
  @AsPlatform
  public Optional<UUID> tenantOf(UUID routineId) {
    return store.tenantOf(routineId);
  }

  @Transactional
  @InTenant
  public RunView triggered(
      @TenantId UUID tenantId,
      UUID routineId,
      String messageId,
      String timestamp,
      String signature,
      String body) {
    RoutineStore.Row row =
        store.find(routineId).orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND));
    String secret = secrets.decrypt(row.sealedSecret(), context(tenantId, routineId));
    Optional<String> refusal =
        StandardWebhooks.refusal(secret, messageId, timestamp, signature, body, Instant.now());
    if (refusal.isPresent()) {
      throw Rejection.of(Rejection.Kind.FORBIDDEN, refusal.get());
    }
    if (messageId.length() > 200) {
      throw Rejection.invalid(StandardWebhooks.ID, "A webhook-id has at most 200 characters.");
    }
    if (store.seen(routineId, messageId)) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "This webhook-id was received already: nothing fired again.");
    }
    requireEnabled(row.routine());
    Instant now = clock.now();
    String payload =
        body == null || body.isBlank()
            ? null
            : body.length() > MAX_TRIGGER_BODY ? body.substring(0, MAX_TRIGGER_BODY) : body;
    RunView run =
        fire(tenantId, row.routine(), actor(tenantId, row), WEBHOOK, null, messageId, payload, now);
    store.ran(routineId, now);
    return run;
  }

  /**
   * Fires a scheduled routine for its due time, once: the schedule moves on to its next time in the
   * same transaction as the task is created, guarded by the due time it was read at, so of two
   * nodes that found it due only one fires it.
   *
   * @return empty when another node fired it first, or a person changed it meanwhile
   */
  @Transactional
  @InTenant
  public Optional<RunView> fireScheduled(@TenantId UUID tenantId, UUID routineId, Instant due) {
    Optional<RoutineStore.Row> row = store.find(routineId);
    if (row.isEmpty() || !advance(tenantId, row.get().routine(), due)) {
      return Optional.empty();
    }
    return Optional.of(
        fire(
            tenantId,
            row.get().routine(),
            actor(tenantId, row.get()),
            SCHEDULE,
            due,
            null,
            null,
            due));
  }

  /**
   * Moves past a due time whose task could not be created (the routine's author left, its agent is
   * gone), recording why, so the schedule goes on rather than failing at every check.
   */
  @Transactional
  @InTenant
  public void skipScheduled(@TenantId UUID tenantId, UUID routineId, Instant due, String reason) {
    store
        .find(routineId)
        .filter(row -> advance(tenantId, row.routine(), due))
        .ifPresent(row -> store.addRun(tenantId, routineId, SCHEDULE, due, null, null, reason));
  }

  private boolean advance(UUID tenantId, RoutineView routine, Instant due) {
    Instant after = due.isAfter(clock.now()) ? due : clock.now();
    // a schedule missed while the platform was down fires once, then continues from now
    Instant next =
        routine.cron() == null
            ? null
            : Schedule.of(routine.cron(), routine.timeZone(), minInterval(tenantId), after)
                .next(after)
                .orElse(null);
    return store.advance(routine.id(), due, next);
  }

  private RunView fire(
      UUID tenantId,
      RoutineView routine,
      Caller actor,
      String trigger,
      Instant due,
      String messageId,
      String payload,
      Instant at) {
    String day = LocalDate.ofInstant(at, ZoneId.of(routine.timeZone())).toString();
    String description = routine.descriptionTemplate().replace("{{date}}", day);
    if (payload != null) {
      description += "\n\nThe call that started it sent:\n" + payload;
    }
    String title = routine.titleTemplate().replace("{{date}}", day);
    TaskView task =
        tasks.create(
            actor,
            routine.organizationId(),
            new TaskDraft(
                title.length() > MAX_NAME ? title.substring(0, MAX_NAME) : title,
                description,
                null,
                null,
                routine.agentId(),
                null,
                null,
                null));
    return store.addRun(tenantId, routine.id(), trigger, due, messageId, task.id(), null);
  }

  /** Who a routine's own triggers act for: the admin who made it, whose rights still decide. */
  private static Caller actor(UUID tenantId, RoutineStore.Row row) {
    return new Caller(row.actingUserId(), tenantId);
  }

  private Instant nextRun(UUID tenantId, String cron, String zone, boolean enabled) {
    Schedule.zone(zone);
    if (cron == null) {
      return null;
    }
    Instant now = clock.now();
    Schedule schedule = Schedule.of(cron, zone, minInterval(tenantId), now);
    return enabled ? schedule.next(now).orElse(null) : null;
  }

  /** The least time between two firings: the tenant's own, where tenants-config sets it. */
  private Duration minInterval(UUID tenantId) {
    return store.tenantMinInterval(tenantId).orElse(settings.routineMinInterval());
  }

  private RoutineStore.Row visible(Caller caller, UUID routineId, Permission permission) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    RoutineStore.Row row =
        store.find(routineId).orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND));
    authorization.organization(caller, row.routine().organizationId(), permission);
    return row;
  }

  private void agent(Caller caller, UUID organizationId, UUID agentId) {
    if (agentId == null
        || agents.list(caller, organizationId).stream()
            .map(AgentView::id)
            .noneMatch(agentId::equals)) {
      throw Rejection.invalid("agentId", "Choose an agent of the organization.");
    }
  }

  private static void requireEnabled(RoutineView routine) {
    if (!routine.enabled()) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "The routine is paused.");
    }
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw Rejection.invalid(field, "Write 1 to " + max + " characters.");
    }
  }

  private static void description(String value) {
    if (value != null && value.length() > MAX_TEXT) {
      throw Rejection.invalid(
          "descriptionTemplate", "A description has at most 10,000 characters.");
    }
  }

  private static String blankAsNull(String cron) {
    if (cron != null && cron.length() > MAX_CRON) {
      throw Rejection.invalid("cron", "A cron expression has at most 200 characters.");
    }
    return cron == null || cron.isBlank() ? null : cron.strip();
  }

  static String triggerPath(UUID routineId) {
    return "/api/v1/routines/" + routineId + "/trigger";
  }

  private static String context(UUID tenantId, UUID routineId) {
    return "routine:" + tenantId + ":" + routineId;
  }
}

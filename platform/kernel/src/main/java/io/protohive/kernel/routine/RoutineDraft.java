package io.protohive.kernel.routine;

import java.util.UUID;

/**
 * A new routine, or a change of one: absent fields of a change keep their value.
 *
 * @param titleTemplate the title of each task; {@code {{date}}} becomes the day it fires
 * @param cron {@code null} for no schedule; on a change, {@code ""} removes the schedule
 * @param timeZone {@code null} for UTC
 * @param enabled {@code null} for enabled on a new routine; false pauses every trigger
 */
public record RoutineDraft(
    String name,
    UUID agentId,
    String titleTemplate,
    String descriptionTemplate,
    String cron,
    String timeZone,
    Boolean enabled) {}

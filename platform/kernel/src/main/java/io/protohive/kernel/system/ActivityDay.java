package io.protohive.kernel.system;

import java.time.LocalDate;

/**
 * What happened on one day (UTC), of one tenant or of all.
 *
 * @param activePeople people and service accounts that did something: signed in, wrote a message,
 *     called the API; each counted once a day and tenant
 * @param activeAgents agents that called a model
 * @param tokens prompt and completion tokens together
 * @param costMicros millionths of the currency unit
 */
public record ActivityDay(
    LocalDate day,
    long activePeople,
    long activeAgents,
    long modelCalls,
    long tokens,
    long costMicros) {

  static ActivityDay none(LocalDate day) {
    return new ActivityDay(day, 0, 0, 0, 0, 0);
  }

  ActivityDay plus(ActivityDay other) {
    return new ActivityDay(
        day,
        activePeople + other.activePeople,
        activeAgents + other.activeAgents,
        modelCalls + other.modelCalls,
        tokens + other.tokens,
        costMicros + other.costMicros);
  }
}

package io.protohive.kernel.routine;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The time routines' schedules are due by, asked of this bean alone so that a test deployment can
 * put a clock of its own in its place and see a weekly routine come due without waiting a week.
 */
@ApplicationScoped
public class RoutineClock {

  public Instant now() {
    return Instant.now();
  }
}

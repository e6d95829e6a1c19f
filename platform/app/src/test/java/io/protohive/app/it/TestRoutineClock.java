package io.protohive.app.it;

import io.protohive.kernel.routine.RoutineClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.Instant;

/**
 * The routines' clock in {@link RoutinesIT}'s deployment alone, which adds this class to the
 * platform's WAR: real time moved by what the test set through {@link TestRoutineClockDoor}.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class TestRoutineClock extends RoutineClock {

  private volatile Duration offset = Duration.ZERO;

  @Override
  public Instant now() {
    return Instant.now().plus(offset);
  }

  void set(Instant now) {
    offset = Duration.between(Instant.now(), now);
  }
}

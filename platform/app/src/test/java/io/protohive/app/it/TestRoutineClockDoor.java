package io.protohive.app.it;

import io.protohive.kernel.routine.RoutineScheduler;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/**
 * {@code PUT /api/test/routine-clock?now=<ISO instant>}: the routines' clock says it is then, and
 * what is due by then fires at once. Only in {@link RoutinesIT}'s deployment.
 */
@Path("routine-clock")
@PermitAll
@RequestScoped
public class TestRoutineClockDoor {

  @Inject TestRoutineClock clock;
  @Inject RoutineScheduler scheduler;

  @PUT
  public void set(@QueryParam("now") String now) {
    clock.set(Instant.parse(now));
    scheduler.check();
  }
}

package io.protohive.app.it;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The door to the test's clock, under {@code /api/test}: the platform's applications list their own
 * classes, so a resource added to a test's deployment is served only by an application of its own.
 */
@ApplicationPath("/api/test")
public class TestRoutineClockApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(TestRoutineClockDoor.class);
  }
}

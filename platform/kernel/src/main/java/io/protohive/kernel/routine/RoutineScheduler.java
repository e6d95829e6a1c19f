package io.protohive.kernel.routine;

import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires routines whose schedule is due, on every node: each {@link PlatformSettings#routinePoll()}
 * one indexed query finds the due routines of every tenant, and each is fired in its tenant's
 * transaction, where the due time it was found at guards it, so a due time fires once across the
 * cluster. Between due times nothing runs but that query: no agent wakes up to ask whether there is
 * work.
 */
@ApplicationScoped
public class RoutineScheduler {

  private static final Logger LOG = Logger.getLogger(RoutineScheduler.class.getName());

  /** How many due routines one check fires at most; the rest are due at the next. */
  private static final int BATCH = 100;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject RoutineStore store;
  @Inject Routines routines;
  @Inject RoutineClock clock;
  @Inject PlatformSettings settings;
  @Inject RoutineScheduler self;

  private volatile ScheduledFuture<?> polling;

  public void start() {
    long every = settings.routinePoll().toMillis();
    polling = scheduler.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  public void stop() {
    ScheduledFuture<?> current = polling;
    if (current != null) {
      current.cancel(false);
    }
  }

  /** Fires what is due now; a node's periodic check, and a test's once it moved the clock. */
  public synchronized void check() {
    try {
      for (RoutineStore.Due due : self.due()) {
        try {
          routines.fireScheduled(due.tenantId(), due.routineId(), due.at());
        } catch (Rejection refused) {
          routines.skipScheduled(due.tenantId(), due.routineId(), due.at(), refused.getMessage());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Due routines could not be fired", e);
    }
  }

  @Transactional
  @AsPlatform
  public List<RoutineStore.Due> due() {
    return store.due(clock.now(), BATCH);
  }
}

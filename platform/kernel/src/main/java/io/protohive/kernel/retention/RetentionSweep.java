package io.protohive.kernel.retention;

import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The daily purge across the platform: one job in the queue, whichever node takes it, that queues a
 * purge for each tenant with a retention of its own and then queues itself for the next day. The
 * queue's lock-and-check keeps one sweep queued however many nodes start at once.
 */
@ApplicationScoped
public class RetentionSweep implements JobHandler {

  static final String KIND = "retention.sweep";

  @Inject RetentionStore store;
  @Inject Jobs jobs;

  @Inject
  @ConfigProperty(name = "protohive.retention.sweep-interval", defaultValue = "P1D")
  Duration interval;

  @Override
  public String kind() {
    return KIND;
  }

  /** Queues the first sweep, at once, unless one is queued already; called at every start. */
  @Transactional
  @AsPlatform
  public void ensureQueued() {
    store.lockSweep();
    if (!store.sweepQueued(KIND, null)) {
      jobs.enqueue(null, KIND, "{}", Instant.now());
    }
  }

  @Override
  @Transactional
  @AsPlatform
  public void run(Job job) {
    store.lockSweep();
    for (UUID tenantId : store.tenantsWithRetention()) {
      jobs.enqueue(tenantId, RetentionPurge.KIND, "{}", Instant.now());
    }
    // a sweep run again after its node died finds the next one already queued
    if (!store.sweepQueued(KIND, job.id())) {
      jobs.enqueue(null, KIND, "{}", Instant.now().plus(interval));
    }
  }
}

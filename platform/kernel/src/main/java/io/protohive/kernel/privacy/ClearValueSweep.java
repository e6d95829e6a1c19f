package io.protohive.kernel.privacy;

import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Seals what an earlier version wrote in clear: queued at every start, it queues a {@link Reseal}
 * for each tenant that still holds such a value, so an upgrade from a version without sealing is
 * sealed in the background while the platform serves. Two nodes starting at once queue two sweeps;
 * a reseal run twice finds nothing left the second time.
 */
@ApplicationScoped
public class ClearValueSweep implements JobHandler {

  static final String KIND = "encryption.clear-sweep";

  @Inject TenantDirectory tenants;
  @Inject FieldKeyRotation rotation;
  @Inject Jobs jobs;

  @Override
  public String kind() {
    return KIND;
  }

  /** Queues a sweep, at once; called at every start. */
  @Transactional
  @AsPlatform
  public void queue() {
    jobs.enqueue(null, KIND, "{}", Instant.now());
  }

  @Override
  public void run(Job job) {
    for (TenantSummary tenant : tenants.summaries()) {
      rotation.sealWhatIsInClear(tenant.id());
    }
  }
}

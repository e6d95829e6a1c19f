package io.protohive.kernel.retention;

import io.protohive.kernel.file.FilePurge;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.TenantRetention;
import io.protohive.kernel.tenancy.TenantRetentions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One batch of a tenant's purge, each in a transaction of its own in the tenant's scope. */
@ApplicationScoped
public class TenantPurge {

  /** Rows one transaction deletes at most. */
  static final int BATCH = 5_000;

  @Inject RetentionStore store;
  @Inject TenantRetentions retentions;
  @Inject Jobs jobs;

  @Transactional
  @InTenant
  public TenantRetention retention(@TenantId UUID tenantId) {
    return retentions.of(tenantId);
  }

  /**
   * Deletes up to a batch of the kind's rows written before the cutoff.
   *
   * @return how many went; fewer than {@link #BATCH} when none older are left
   */
  @Transactional
  @InTenant
  public int batch(@TenantId UUID tenantId, RetainedData kind, Instant cutoff) {
    switch (kind) {
      case MESSAGES:
        return store.deleteMessages(cutoff, BATCH);
      case EVENTS:
        return store.deleteEvents(cutoff, BATCH);
      case AUDIT:
        return store.deleteAudit(cutoff);
      case USAGE:
        return store.deleteUsage(cutoff, BATCH);
      case FILES:
        // the file purge deletes a file's rows and then its bytes, wherever they lie
        List<UUID> due = store.binnedBefore(cutoff, BATCH);
        for (UUID fileId : due) {
          jobs.enqueue(tenantId, FilePurge.KIND, FilePurge.payload(fileId), Instant.now());
        }
        return due.size();
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }
}

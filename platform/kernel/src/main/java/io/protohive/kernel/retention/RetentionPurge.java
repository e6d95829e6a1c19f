package io.protohive.kernel.retention;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.tenancy.TenantRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Purges one tenant's data older than its retention, kind by kind, and leaves an entry in its audit
 * trail saying how much of each went. Run again after a failure it finds only what is still left.
 */
@ApplicationScoped
public class RetentionPurge implements JobHandler {

  static final String KIND = "retention.purge";

  @Inject TenantPurge purge;
  @Inject AuditLog audit;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) {
    TenantRetention retention = purge.retention(job.tenantId());
    Instant now = Instant.now();
    List<String> purged = new ArrayList<>();
    for (RetainedData kind : RetainedData.values()) {
      Integer days = kind.days(retention);
      if (days == null) {
        continue;
      }
      Instant cutoff = now.minus(Duration.ofDays(days));
      long count = 0;
      int batch;
      do {
        batch = purge.batch(job.tenantId(), kind, cutoff);
        count += batch;
      } while (kind.batched() && batch >= TenantPurge.BATCH);
      purged.add(kind.label() + " " + count);
    }
    audit.record(job.tenantId(), null, Action.RETENTION_PURGED, String.join(", ", purged), null);
  }
}

package io.protohive.kernel.privacy;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.encryption.SealedColumn;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Reseals a tenant's values with its primary field key, a batch a transaction, then retires the
 * older keys once nothing is left that they sealed. Run again after a failure it finds only what is
 * still behind.
 */
@ApplicationScoped
public class Reseal implements JobHandler {

  static final String KIND = "encryption.reseal";

  private static final UUID FIRST = new UUID(0, 0);

  @Inject SealedRows rows;
  @Inject AuditLog audit;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) {
    UUID tenantId = job.tenantId();
    for (SealedColumn column : SealedColumn.values()) {
      UUID last = FIRST;
      while (last != null) {
        last = rows.reseal(tenantId, column, last);
      }
    }
    // a rotation meanwhile leaves values behind its new key: this attempt fails, and the next
    // one, or the reseal that rotation queued, reseals them
    int retired = rows.retireOldKeys(tenantId);
    audit.record(tenantId, null, Action.FIELD_KEYS_RETIRED, retired + " older keys", null);
  }
}

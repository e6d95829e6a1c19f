package io.protohive.kernel.privacy;

import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;

/** Deletes an export's ZIP once its time is up; queued when the export is ready. */
@ApplicationScoped
public class ExportExpiry implements JobHandler {

  public static final String KIND = "privacy.export.expiry";

  @Inject Exports exports;
  @Inject EncryptedFiles bytes;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) throws IOException {
    var stored = exports.expire(job.tenantId(), Exports.exportOf(job));
    if (stored.isPresent()) {
      bytes.delete(stored.get().store(), stored.get().key());
    }
  }
}

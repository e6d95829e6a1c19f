package io.protohive.kernel.file;

import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.UUID;

/**
 * Deletes a resumable upload and its bytes once it expired, finished or not. Queued when the upload
 * is created, due when it expires; an upload terminated before leaves nothing to do.
 */
@ApplicationScoped
public class UploadExpiry implements JobHandler {

  @Inject ResumableUploads uploads;

  @Override
  public String kind() {
    return ResumableUploads.EXPIRY;
  }

  @Override
  public void run(Job job) {
    String uploadId =
        Json.createReader(new StringReader(job.payload())).readObject().getString("uploadId");
    uploads.expireIfDue(job.tenantId(), UUID.fromString(uploadId));
  }
}

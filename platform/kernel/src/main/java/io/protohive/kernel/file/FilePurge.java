package io.protohive.kernel.file;

import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/**
 * Purges a file from the bin once its retention has passed: its rows (versions, shares, chunks) and
 * then every version's bytes. Queued when the file is binned, due when the retention ends; a file
 * restored meanwhile is left alone, and binned again it is queued again.
 */
@ApplicationScoped
public class FilePurge implements JobHandler {

  /** The job that purges one binned file. */
  public static final String KIND = "file.purge";

  @Inject FileService files;
  @Inject EncryptedFiles bytes;

  @Override
  public String kind() {
    return KIND;
  }

  /** The payload of the job that purges the file. */
  public static String payload(UUID fileId) {
    return Json.createObjectBuilder().add("fileId", fileId.toString()).build().toString();
  }

  @Override
  public void run(Job job) throws IOException {
    JsonObject payload = Json.createReader(new StringReader(job.payload())).readObject();
    List<FileRecords.Stored> purged =
        files.purgeIfDue(job.tenantId(), UUID.fromString(payload.getString("fileId")));
    // the rows are gone for good; bytes left by a failure here are unreadable to anyone
    // and a retry deletes what remains
    for (FileRecords.Stored stored : purged) {
      bytes.delete(stored.store(), stored.key());
    }
  }
}

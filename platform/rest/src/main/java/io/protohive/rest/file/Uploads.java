package io.protohive.rest.file;

import io.protohive.kernel.file.SpooledUpload;
import io.protohive.kernel.file.UploadSpool;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;

/** A multipart upload's part named {@code file}, received into the spool. */
@ApplicationScoped
public class Uploads {

  @Inject UploadSpool spool;

  public SpooledUpload receive(EntityPart file) {
    if (file == null) {
      throw Rejection.invalid("file", "Attach the file as the part named file.");
    }
    return spool.receive(file.getContent(), name(file));
  }

  /** The name the uploader gave the file. */
  public static String name(EntityPart file) {
    return file.getFileName().orElseThrow(() -> Rejection.invalid("file", "Give the file a name."));
  }
}

package io.protohive.kernel.privacy;

import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.file.storage.FileStores;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.mail.Mailer;
import io.protohive.kernel.platform.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a person's export: their data as JSON and their files' bytes in one ZIP, encrypted into
 * the file store like any file of the tenant; then mails them the link. A retry after the export
 * was stored finds it built and does nothing.
 */
@ApplicationScoped
public class ExportBuilder implements JobHandler {

  public static final String KIND = "privacy.export";

  @Inject Exports exports;
  @Inject PersonalData data;
  @Inject EncryptedFiles bytes;
  @Inject FileStores stores;
  @Inject AccountService accounts;
  @Inject Mailer mailer;
  @Inject PlatformSettings settings;

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public void run(Job job) throws IOException {
    UUID exportId = Exports.exportOf(job);
    UUID tenantId = job.tenantId();
    var queued = exports.queued(tenantId, exportId);
    if (queued.isEmpty()) {
      return;
    }
    UUID userId = queued.get().userId();
    Path zip = Files.createTempFile("protohive-export-", ".zip");
    try {
      write(tenantId, userId, zip);
      String store = stores.defaultName();
      String key = "exports/" + tenantId + "/" + exportId + ".zip";
      long size = bytes.store(tenantId, store, key, zip);
      if (!exports.ready(tenantId, exportId, store, key, size)) {
        bytes.delete(store, key);
        return;
      }
    } finally {
      Files.deleteIfExists(zip);
    }
    accounts.active(userId).ifPresent(person -> mail(person, exportId));
  }

  @Override
  public void buried(Job job, String reason) {
    exports.failed(job.tenantId(), Exports.exportOf(job));
  }

  private void write(UUID tenantId, UUID userId, Path zip) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, String> document : data.documents(tenantId, userId).entrySet()) {
        out.putNextEntry(new ZipEntry(document.getKey()));
        out.write(document.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      for (PersonalData.OwnedFile file : data.files(tenantId, userId)) {
        // the id keeps two files of one name apart; the name is only the last segment
        out.putNextEntry(new ZipEntry("files/" + file.id() + "/" + lastSegment(file.name())));
        try (InputStream in =
            bytes.reader(tenantId, file.store(), file.key()).open(0, file.sizeBytes())) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private void mail(AccountView person, UUID exportId) {
    mailer.send(
        person.tenantId(),
        person.email(),
        "Your ProtoHive data export is ready",
        "Hello "
            + person.displayName()
            + ",\n\nthe export of your data you asked for is ready. Signed in, download it from"
            + " your account page:\n"
            + settings.publicUrl()
            + "/profile\n\nor through the API:\n"
            + link(exportId)
            + "\n\nIt is deleted after "
            + Exports.KEPT.toDays()
            + " days.\n");
  }

  /** The download's address, which answers the person who asked alone. */
  private String link(UUID exportId) {
    return settings.publicUrl() + "/api/v1/me/exports/" + exportId + "/content";
  }

  private static String lastSegment(String name) {
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }
}

package io.protohive.ui.file;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.SpooledUpload;
import io.protohive.kernel.file.UploadSpool;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import java.util.UUID;

/**
 * Receives each file dropped or chosen into the spool and stores it in the organization's folder
 * that is open when its bytes arrive. Vaadin runs this outside the session lock, so the outcome
 * reaches the view through {@link UI#access}.
 */
public final class FileUpload implements UploadHandler {

  private final FileService files;
  private final UploadSpool spool;
  private final Caller caller;
  private final UUID organizationId;
  private final SerializableSupplier<UUID> folder;
  private final SerializableConsumer<FileView> stored;
  private final SerializableConsumer<String> refused;

  public FileUpload(
      FileService files,
      UploadSpool spool,
      Caller caller,
      UUID organizationId,
      SerializableSupplier<UUID> folder,
      SerializableConsumer<FileView> stored,
      SerializableConsumer<String> refused) {
    this.files = files;
    this.spool = spool;
    this.caller = caller;
    this.organizationId = organizationId;
    this.folder = folder;
    this.stored = stored;
    this.refused = refused;
  }

  @Override
  public void handleUploadRequest(UploadEvent event) {
    UI ui = event.getUI();
    String name = event.getFileName();
    UUID folderId = folder.get();
    try {
      files.mayUpload(caller, organizationId, folderId);
      try (SpooledUpload upload = spool.receive(event.getInputStream(), name)) {
        FileView file = files.upload(caller, organizationId, folderId, name, upload);
        ui.access(() -> stored.accept(file));
      }
    } catch (Rejection rejection) {
      ui.access(() -> refused.accept(name + ": " + rejection.getMessage()));
    }
  }
}

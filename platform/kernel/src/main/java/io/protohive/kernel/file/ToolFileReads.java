package io.protohive.kernel.file;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.plugin.api.HostFiles;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The organization's files as a tool call reads them ({@link HostFiles}): with the rights of the
 * person the agent works for, through the same checks as their download, and only files of the
 * organization the call is made for. A file they may not read, of another organization or tenant,
 * or none at all are refused alike.
 */
@ApplicationScoped
public class ToolFileReads {

  private static final Logger LOG = Logger.getLogger(ToolFileReads.class.getName());

  @Inject FileService files;

  /**
   * Plugins call on threads of their own, which know nothing of this application; the reads run in
   * the context of the thread that makes the call.
   */
  @Resource ContextService contexts;

  /** What the call may read for the person in the organization. */
  public HostFiles forCall(Caller caller, UUID organizationId) {
    if (organizationId == null) {
      return HostFiles.refusing("This call is made for no organization, so it reads no files.");
    }
    return contexts.createContextualProxy(new Reads(caller, organizationId), HostFiles.class);
  }

  private final class Reads implements HostFiles {

    private final Caller caller;
    private final UUID organizationId;

    Reads(Caller caller, UUID organizationId) {
      this.caller = caller;
      this.organizationId = organizationId;
    }

    @Override
    public HostFiles.File read(UUID fileId, long maxBytes) throws IOException {
      FileService.FileContent content = readable(fileId);
      FileView file = content.file();
      if (file.sizeBytes() > maxBytes) {
        throw new FileRefused(
            "The file "
                + file.name()
                + " has "
                + Sizes.readable(file.sizeBytes())
                + ", more than the "
                + Sizes.readable(maxBytes)
                + " this call may read.");
      }
      try (InputStream bytes = content.reader().open(0, file.sizeBytes())) {
        return new HostFiles.File(
            file.id(),
            file.name(),
            file.contentType(),
            bytes.readNBytes((int) Math.min(file.sizeBytes(), Integer.MAX_VALUE)));
      } catch (IOException e) {
        // the store's own words name keys and paths, which are not the model's business
        LOG.log(Level.WARNING, "File " + file.id() + " could not be read for a tool", e);
        throw new IOException("The file " + file.name() + " could not be read.");
      }
    }

    private FileService.FileContent readable(UUID fileId) throws FileRefused {
      if (fileId == null) {
        throw notReadable(null);
      }
      FileService.FileContent content;
      try {
        content = files.content(caller, fileId);
      } catch (Rejection notFound) {
        throw notReadable(fileId);
      }
      if (!content.file().organizationId().equals(organizationId)) {
        throw notReadable(fileId);
      }
      return content;
    }

    private static FileRefused notReadable(UUID fileId) {
      return new FileRefused(
          "No file with the id "
              + fileId
              + " that the person you work for may read in this organization.");
    }
  }
}

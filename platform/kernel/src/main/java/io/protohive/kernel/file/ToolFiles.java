package io.protohive.kernel.file;

import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolService.ToolInvocation;
import io.protohive.plugin.api.ToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the files a tool call returned beside its result (a chart, a downloaded document) as files
 * of the organization, with the agent, run and task they came from, under the same limits, quota
 * and type checks as an upload. The model reads where each was kept, or why it was not.
 */
@ApplicationScoped
public class ToolFiles {

  @Inject UploadSpool spool;
  @Inject FileService files;

  /** The invocation with its attachments kept and named in its content. */
  public ToolInvocation kept(
      UUID tenantId,
      UUID organizationId,
      ToolInvocation invocation,
      FileRecords.Provenance provenance) {
    if (invocation.attachments().isEmpty()) {
      return invocation;
    }
    StringBuilder content = new StringBuilder(invocation.content());
    for (ToolResult.Attachment attachment : invocation.attachments()) {
      try (SpooledUpload upload =
          spool.receive(new ByteArrayInputStream(attachment.content()), attachment.name())) {
        FileView file = files.keep(tenantId, organizationId, attachment.name(), upload, provenance);
        content
            .append("\nSaved as the file [")
            .append(file.name())
            .append("](")
            .append(FileLinks.path(file.id(), null))
            .append(")");
      } catch (Rejection refused) {
        content
            .append("\nNot saved as a file: ")
            .append(attachment.name())
            .append(": ")
            .append(refused.getMessage());
      }
    }
    return new ToolInvocation(
        invocation.toolId(),
        invocation.pluginId(),
        invocation.status(),
        invocation.kind(),
        content.toString(),
        invocation.durationMillis(),
        List.of());
  }
}

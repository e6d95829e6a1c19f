package io.protohive.rest.audit;

import io.protohive.kernel.audit.AuditEntry;
import io.protohive.kernel.audit.AuditFiles;
import io.protohive.kernel.platform.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.function.Function;

/** An audit trail as a download, streamed while it is read. */
public final class AuditExport {

  private AuditExport() {}

  /**
   * @param format {@code csv} or {@code json}
   * @param pages the trail's page after a cursor ({@code null} for the first); the first is read
   *     before the answer starts, so that a refusal is an answer of its own
   */
  public static Response of(String format, Function<String, Page<AuditEntry>> pages) {
    AuditFiles.Format chosen = AuditFiles.Format.of(format);
    Page<AuditEntry> first = pages.apply(null);
    StreamingOutput body = out -> AuditFiles.write(chosen, first, pages, out);
    return Response.ok(body, chosen.mediaType())
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + "\"")
        .build();
  }
}

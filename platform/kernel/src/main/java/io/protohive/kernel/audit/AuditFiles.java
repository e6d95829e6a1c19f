package io.protohive.kernel.audit;

import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An audit trail as a file, CSV or a JSON array, written page by page, so a long trail is never
 * held whole. A CSV cell that a spreadsheet would take for a formula gets a leading apostrophe
 * (OWASP's advice on CSV injection).
 */
public final class AuditFiles {

  private static final String CSV_HEADER =
      "occurredAt,seq,action,actorId,actorKind,organizationId,route,target,subject,outcome,"
          + "sourceAddress,traceId,id,hash\r\n";

  private AuditFiles() {}

  // built on the first JSON export: the runtime provides the binding
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  /** The formats a trail is exported in. */
  public enum Format {
    CSV("text/csv; charset=utf-8"),
    JSON("application/json");

    private final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }

    public String fileName() {
      return "audit." + name().toLowerCase();
    }

    /**
     * @throws Rejection naming {@code format} unless it is {@code csv} or {@code json}
     */
    public static Format of(String format) {
      for (Format known : values()) {
        if (known.name().equalsIgnoreCase(format)) {
          return known;
        }
      }
      throw Rejection.invalid("format", "Export as 'csv' or 'json'.");
    }
  }

  /**
   * @param first the trail's first page, read before the file starts so that a refusal is not a
   *     broken file
   * @param next the page after a cursor
   */
  public static void write(
      Format format,
      Page<AuditEntry> first,
      Function<String, Page<AuditEntry>> next,
      OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(format == Format.CSV ? CSV_HEADER : "[");
    boolean firstItem = true;
    for (Page<AuditEntry> page = first; page != null; ) {
      for (AuditEntry entry : page.items()) {
        if (format == Format.CSV) {
          writer.write(csvRow(entry));
        } else {
          writer.write((firstItem ? "" : ",") + Json.JSONB.toJson(entry));
        }
        firstItem = false;
      }
      writer.flush();
      page = page.nextCursor() == null ? null : next.apply(page.nextCursor());
    }
    if (format == Format.JSON) {
      writer.write("]");
    }
    writer.flush();
  }

  static String csvRow(AuditEntry e) {
    return List.of(
                Objects.toString(e.occurredAt(), ""),
                Long.toString(e.seq()),
                Objects.toString(e.action(), ""),
                Objects.toString(e.actorId(), ""),
                Objects.toString(e.actorKind(), ""),
                Objects.toString(e.organizationId(), ""),
                Objects.toString(e.route(), ""),
                Objects.toString(e.target(), ""),
                Objects.toString(e.subject(), ""),
                Objects.toString(e.outcome(), ""),
                Objects.toString(e.sourceAddress(), ""),
                Objects.toString(e.traceId(), ""),
                Objects.toString(e.id(), ""),
                Objects.toString(e.hash(), ""))
            .stream()
            .map(AuditFiles::cell)
            .collect(Collectors.joining(","))
        + "\r\n";
  }

  static String cell(String value) {
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? "\"" + safe.replace("\"", "\"\"") + "\""
        : safe;
  }
}

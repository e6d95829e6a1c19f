package io.protohive.rest.file;

import io.protohive.kernel.platform.Rejection;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tus 1.0.0 resumable upload protocol's headers, as the upload doors read and write them. */
public final class Tus {

  public static final String VERSION = "1.0.0";
  public static final String RESUMABLE = "Tus-Resumable";
  public static final String EXTENSIONS = "creation,termination";
  public static final String UPLOAD_LENGTH = "Upload-Length";
  public static final String UPLOAD_OFFSET = "Upload-Offset";
  public static final String UPLOAD_METADATA = "Upload-Metadata";
  public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

  /** The file a complete upload became, which tus itself has no header for. */
  public static final String FILE_ID = "ProtoHive-File-Id";

  private Tus() {}

  /** The protocol's answer to OPTIONS: what this server speaks and accepts. */
  public static Response options(long maxBytes) {
    return Response.noContent()
        .header(RESUMABLE, VERSION)
        .header("Tus-Version", VERSION)
        .header("Tus-Extension", EXTENSIONS)
        .header("Tus-Max-Size", maxBytes)
        .build();
  }

  /** Whether a request's Content-Type is the one tus sends an upload's bytes as. */
  public static boolean isOffsetStream(String contentType) {
    return contentType != null
        && contentType.split(";", 2)[0].strip().equalsIgnoreCase(OFFSET_OCTET_STREAM);
  }

  /**
   * A length or offset header's value.
   *
   * @throws Rejection naming the header when it is absent or not a whole number from 0
   */
  public static long count(String header, String value) {
    if (value == null || value.isBlank()) {
      throw Rejection.invalid(header, "Send the " + header + " header.");
    }
    String trimmed = value.strip();
    if (!trimmed.matches("[0-9]{1,18}")) {
      throw Rejection.invalid(header, header + " is a whole number of bytes, 0 or more.");
    }
    return Long.parseLong(trimmed);
  }

  /**
   * The pairs of an {@code Upload-Metadata} header: keys with their base64 values decoded as UTF-8,
   * a key without a value mapped to the empty text.
   *
   * @throws Rejection when a pair is malformed, a key repeats or a value is not base64 of UTF-8
   */
  public static Map<String, String> metadata(String header) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (header == null || header.isBlank()) {
      return pairs;
    }
    for (String pair : header.split(",", -1)) {
      String[] parts = pair.strip().split(" ", -1);
      if (parts.length > 2 || parts[0].isEmpty()) {
        throw malformed();
      }
      String value = parts.length == 2 ? decoded(parts[1]) : "";
      if (pairs.putIfAbsent(parts[0], value) != null) {
        throw Rejection.invalid(UPLOAD_METADATA, "The key " + parts[0] + " is given twice.");
      }
    }
    return pairs;
  }

  /** A value for an {@code Upload-Metadata} header. */
  public static String encoded(String key, String value) {
    return key + " " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decoded(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw malformed();
    }
  }

  private static Rejection malformed() {
    return Rejection.invalid(
        UPLOAD_METADATA,
        "Upload-Metadata is pairs of a key and its value in base64, separated by commas.");
  }
}

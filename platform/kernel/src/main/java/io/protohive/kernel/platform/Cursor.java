package io.protohive.kernel.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position (creation time, id) in a list ordered by both, encoded for a URL. Keyset paging
 * stays correct while rows are added, unlike offsets.
 */
public record Cursor(Instant createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws Rejection naming {@code cursor} when it is not one this API handed out
   */
  public static Cursor decode(String encoded) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
      return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw Rejection.invalid("cursor", "Pass back a nextCursor from an earlier page.");
    }
  }
}

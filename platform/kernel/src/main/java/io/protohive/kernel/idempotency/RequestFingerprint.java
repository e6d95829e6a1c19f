package io.protohive.kernel.idempotency;

import io.protohive.kernel.platform.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What makes two requests the same request: method, path and body, a JSON body compared in its
 * {@link CanonicalJson} form so that a client that re-serializes its retry (other key order, other
 * spacing) is still recognized.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {}

  /** The SHA-256 of the request in hex. */
  public static String of(String method, String path, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return CanonicalJson.sha256(
        method.toUpperCase(Locale.ROOT) + " " + path + "\n" + canonicalBody(text));
  }

  private static String canonicalBody(String text) {
    if (text.isBlank()) {
      return "";
    }
    try {
      return "json:" + CanonicalJson.of(Json.createReader(new StringReader(text)).readValue());
    } catch (JsonException | IllegalStateException e) {
      // not JSON: compared as sent; the operation refuses it anyway
      return "raw:" + text;
    }
  }
}

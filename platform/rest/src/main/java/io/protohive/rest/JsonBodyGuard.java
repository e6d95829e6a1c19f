package io.protohive.rest;

import io.protohive.kernel.platform.Rejection;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Reads every JSON request body once before JSON-B binds it and refuses one that holds the NUL
 * character in a name or a value: PostgreSQL stores NUL in neither text nor jsonb, so such a body
 * would otherwise fail in whichever query first met it. Whether the body is JSON at all stays
 * JSON-B's to decide.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null
        || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"))) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    refuseNul(body);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * @throws Rejection when a name or a string value of the JSON body holds a NUL character
   */
  static void refuseNul(byte[] body) {
    if (holdsNul(body)) {
      throw Rejection.invalid(
          "body", "Text in the request body may not contain the NUL character (\\u0000).");
    }
  }

  private static boolean holdsNul(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if ((event == JsonParser.Event.KEY_NAME || event == JsonParser.Event.VALUE_STRING)
            && parser.getString().indexOf('\0') >= 0) {
          return true;
        }
      }
      return false;
    } catch (RuntimeException unreadable) {
      // not JSON, or nested deeper than the parser allows (which it signals with a bare
      // RuntimeException): JSON-B refuses it next, with the answer every unreadable body gets
      return false;
    }
  }
}

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
 * would otherwise fail in whichever query first met it. It also refuses a body nested deeper than
 * {@value #MAX_DEPTH} levels, which no request needs and which JSON-B binds into free-form fields
 * (such as a tool's arguments) by recursion until the stack overflows. Whether the body is JSON at
 * all stays JSON-B's to decide.
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

  static final int MAX_DEPTH = 64;

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null
        || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
            || type.getSubtype().endsWith("+json"))) {
      return context.proceed();
    }
    byte[] body = context.getInputStream().readAllBytes();
    refuseUnstorable(body);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  /**
   * @throws Rejection when a name or a string value of the JSON body holds a NUL character, or its
   *     arrays and objects nest deeper than {@value #MAX_DEPTH} levels
   */
  static void refuseUnstorable(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      int depth = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        switch (event) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case KEY_NAME, VALUE_STRING -> {
            if (parser.getString().indexOf('\0') >= 0) {
              throw Rejection.invalid(
                  "body", "Text in the request body may not contain the NUL character (\\u0000).");
            }
          }
          default -> {
            // numbers, booleans and nulls are always storable
          }
        }
        if (depth > MAX_DEPTH) {
          throw Rejection.invalid(
              "body", "The request body nests deeper than " + MAX_DEPTH + " levels.");
        }
      }
    } catch (Rejection refused) {
      throw refused;
    } catch (RuntimeException unreadable) {
      // not JSON: JSON-B refuses it next, with the answer every unreadable body gets
    }
  }
}

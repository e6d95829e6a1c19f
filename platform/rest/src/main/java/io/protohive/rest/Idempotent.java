package io.protohive.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that may be retried: with an {@code Idempotency-Key} header, a retry gets the first
 * answer again instead of doing the work twice ({@link IdempotencyFilter}). Document the header on
 * the operation with {@code @Parameter(ref = IdempotencyKeys.HEADER)}: {@link ApiApplication}
 * describes it once.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {

  String HEADER_DESCRIPTION =
      "Any 1 to 255 visible ASCII characters, unique per request, kept for 24 hours. A retry with"
          + " the same key and body gets the first answer again (with Idempotent-Replayed: true)"
          + " without the work being done again; the same key with another body answers 422;"
          + " while the first request is still being done, 409.";
}

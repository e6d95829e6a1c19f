package io.protohive.rest;

import io.protohive.kernel.idempotency.IdempotencyKeys;
import io.protohive.kernel.idempotency.IdempotencyKeys.Answer;
import io.protohive.kernel.idempotency.RequestFingerprint;
import io.protohive.kernel.identity.Caller;
import io.protohive.rest.auth.SignedIn;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Gives an {@link Idempotent} write that carries an {@code Idempotency-Key} its first answer again
 * when it is retried, through {@link IdempotencyKeys}: the key is claimed before the operation, its
 * answer kept after a success and the claim dropped after a failure.
 */
@Idempotent
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String REPLAYED = "Idempotent-Replayed";
  private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

  @Inject IdempotencyKeys keys;
  @Inject SignedIn signedIn;

  private record Claim(Caller caller, String key) {}

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(IdempotencyKeys.HEADER);
    Optional<Caller> signedInCaller = signedIn.ifAny();
    if (key == null || signedInCaller.isEmpty()) {
      return;
    }
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    Caller caller = signedInCaller.get();
    Optional<Answer> first =
        keys.claim(
            caller,
            key,
            RequestFingerprint.of(
                request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), body));
    if (first.isPresent()) {
      request.abortWith(replay(first.get()));
    } else {
      request.setProperty(CLAIM, new Claim(caller, key));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
      return;
    }
    if (response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
      keys.release(claim.caller(), claim.key());
      return;
    }
    String location = response.getHeaderString(HttpHeaders.LOCATION);
    String body =
        response.hasEntity()
            ? JsonbConfiguration.JSONB.toJson(response.getEntity(), response.getEntityType())
            : null;
    keys.answer(claim.caller(), claim.key(), new Answer(response.getStatus(), location, body));
  }

  private static Response replay(Answer first) {
    Response.ResponseBuilder again = Response.status(first.status()).header(REPLAYED, "true");
    if (first.location() != null) {
      again.header(HttpHeaders.LOCATION, first.location());
    }
    if (first.body() != null) {
      again.type(MediaType.APPLICATION_JSON_TYPE).entity(first.body());
    }
    return again.build();
  }
}

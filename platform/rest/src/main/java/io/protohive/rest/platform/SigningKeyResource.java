package io.protohive.rest.platform;

import io.protohive.kernel.identity.token.SigningKeys;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The keys that sign access tokens, for platform admins. */
@Path("platform/signing-keys")
@Tag(name = "Platform administration")
@RequestScoped
public class SigningKeyResource {

  @Inject SigningKeys keys;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  /** The key that signs from now on. */
  public record Rotated(String kid) {}

  @POST
  @Path("rotate")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign with a new key from now on",
      description = "Tokens signed with the previous key stay valid until they expire.")
  public Rotated rotate() {
    return new Rotated(keys.rotate(signedIn.caller(), request.getRemoteAddr()));
  }
}

package io.protohive.rest.auth;

import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.oidc.OidcSignIn;
import io.protohive.kernel.identity.token.Sessions;
import io.protohive.kernel.platform.PlatformSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in through a tenant's OpenID Connect provider. */
@Path("auth/oidc")
@Tag(name = "Authentication")
@RequestScoped
@PermitAll
public class OidcResource {

  static final String CALLBACK = "/api/v1/auth/oidc/callback";

  @Inject OidcSignIn oidc;
  @Inject Sessions sessions;
  @Inject PlatformSettings settings;
  @Context HttpServletRequest request;

  @GET
  @Path("{tenant}/{provider}")
  @Operation(summary = "Start signing in with a tenant's OIDC provider (redirects there)")
  public Response start(
      @PathParam("tenant") String tenant, @PathParam("provider") String provider) {
    return Response.seeOther(oidc.start(tenant, provider, settings.publicUrl() + CALLBACK)).build();
  }

  @GET
  @Path("callback")
  @Operation(
      summary = "Where the provider sends the person back",
      description =
          "Sets the refresh cookie and continues to the UI, which completes its own sign-in.")
  public Response callback(@QueryParam("state") String state, @QueryParam("code") String code) {
    SignedIn signedIn = oidc.complete(state, code, request.getRemoteAddr());
    Sessions.Tokens tokens = sessions.open(signedIn);
    URI ui = URI.create(settings.publicUrl() + "/oidc-complete?ticket=" + oidc.ticketFor(signedIn));
    return Response.seeOther(ui)
        .cookie(RefreshCookie.of(tokens.refresh().token(), tokens.refresh().familyExpiresAt()))
        .build();
  }
}

package io.protohive.rest.auth;

import io.protohive.kernel.identity.oidc.OidcSignIn;
import io.protohive.kernel.identity.oidc.OidcTickets;
import io.protohive.kernel.identity.oidc.ProviderSignIn;
import io.protohive.kernel.identity.token.Sessions;
import io.protohive.kernel.platform.PlatformSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
  @Inject OidcTickets tickets;
  @Inject Sessions sessions;
  @Inject PlatformSettings settings;
  @Context HttpServletRequest request;

  @GET
  @Path("{tenant}/{provider}")
  @Operation(summary = "Start signing in with a tenant's OIDC provider (redirects there)")
  public Response start(
      @PathParam("tenant") String tenant, @PathParam("provider") String provider) {
    OidcSignIn.Start start = oidc.start(tenant, provider, settings.publicUrl() + CALLBACK);
    return Response.seeOther(start.location())
        .cookie(OidcCookies.browserKey(start.browserKey(), secure()))
        .build();
  }

  @GET
  @Path("callback")
  @Operation(
      summary = "Where the provider sends the person back",
      description =
          "Counts only in the browser that started the sign-in. Sets the refresh cookie and"
              + " continues to the UI, which completes its own sign-in; when an account has the"
              + " person's email but is not linked to them yet, the UI first asks for its password.")
  public Response callback(
      @QueryParam("state") String state,
      @QueryParam("code") String code,
      @CookieParam(OidcCookies.BROWSER_KEY) String browserKey) {
    ProviderSignIn signIn = oidc.complete(state, code, browserKey, request.getRemoteAddr());
    List<NewCookie> cookies = new ArrayList<>();
    cookies.add(OidcCookies.browserKeyCleared(secure()));
    cookies.add(OidcCookies.ticket(tickets.issue(signIn), secure()));
    if (!signIn.confirmationNeeded()) {
      Sessions.Tokens tokens = sessions.open(signIn.signedIn());
      cookies.add(RefreshCookie.of(tokens.refresh().token(), tokens.refresh().familyExpiresAt()));
    }
    return Response.seeOther(URI.create(settings.publicUrl() + "/oidc-complete"))
        .cookie(cookies.toArray(NewCookie[]::new))
        .build();
  }

  private boolean secure() {
    return settings.publicUrl().startsWith("https:");
  }
}

package io.protohive.rest.auth;

import io.protohive.kernel.identity.AccountRecovery;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.identity.token.Sessions;
import io.protohive.kernel.identity.token.SigningKeys;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.rest.RequestBodies;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up, sign-in, token refresh and sign-out. */
@Path("auth")
@Tag(name = "Authentication")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject AccountService accounts;
  @Inject AccountRecovery recovery;
  @Inject SignInService signIn;
  @Inject Sessions sessions;
  @Inject SigningKeys signingKeys;
  @Inject TenantDirectory tenants;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @POST
  @Path("register")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign up in a tenant that allows self sign-up")
  public Response register(RegisterRequest body) {
    RegisterRequest given = RequestBodies.require(body);
    AccountView account =
        accounts.register(
            given.email(), given.password(), given.displayName(), given.tenant(), address());
    return Response.status(Response.Status.CREATED)
        .entity(AccountResponse.of(account, given.tenant().strip()))
        .build();
  }

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in with email and password; sets the refresh cookie")
  public Response login(LoginRequest body) {
    LoginRequest given = RequestBodies.require(body);
    if (given.password() == null || given.password().isEmpty()) {
      throw Rejection.invalid("password", "Enter your password.");
    }
    SignInService.SignedIn signedIn =
        signIn.signIn(
            given.email(),
            given.password().toCharArray(),
            Optional.ofNullable(given.tenant()),
            address());
    return withTokens(sessions.open(signedIn));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Operation(summary = "Exchange the refresh cookie for a new access token and a new cookie")
  public Response refresh(@CookieParam(RefreshCookie.NAME) String refreshToken) {
    return withTokens(sessions.refresh(refreshToken, address()));
  }

  @POST
  @Path("logout")
  @PermitAll
  @Operation(summary = "End this session: its refresh token stops working")
  public Response logout(@CookieParam(RefreshCookie.NAME) String refreshToken) {
    Optional<Caller> caller = signedIn.ifAny();
    sessions.close(
        refreshToken,
        caller.map(Caller::userId).orElse(null),
        caller.map(Caller::tenantId).orElse(null),
        address());
    return Response.noContent().cookie(RefreshCookie.cleared()).build();
  }

  @POST
  @Path("logout-everywhere")
  @Operation(summary = "End every session of the signed-in user")
  public Response logoutEverywhere() {
    Caller caller = signedIn.caller();
    sessions.closeAll(caller.userId(), caller.tenantId(), address());
    return Response.noContent().cookie(RefreshCookie.cleared()).build();
  }

  @POST
  @Path("verify-email")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Prove an email address with the token from the mailed link")
  public Response verifyEmail(RecoveryRequests.VerifyEmail body) {
    recovery.verifyEmail(RequestBodies.require(body).token());
    return Response.noContent().build();
  }

  @POST
  @Path("forgot-password")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Mail a password reset link",
      description = "Answers 202 whether or not the address has an account.")
  public Response forgotPassword(RecoveryRequests.ForgotPassword body) {
    RecoveryRequests.ForgotPassword given = RequestBodies.require(body);
    recovery.requestPasswordReset(given.email(), Optional.ofNullable(given.tenant()));
    return Response.accepted().build();
  }

  @POST
  @Path("reset-password")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set a new password with the token from the mailed link")
  public Response resetPassword(RecoveryRequests.ResetPassword body) {
    RecoveryRequests.ResetPassword given = RequestBodies.require(body);
    recovery.resetPassword(given.token(), given.password(), address());
    return Response.noContent().cookie(RefreshCookie.cleared()).build();
  }

  @GET
  @Path("jwks")
  @PermitAll
  @Operation(summary = "The public keys that verify access tokens (JWK set)")
  public String jwks() {
    return signingKeys.publicKeys().toString();
  }

  private Response withTokens(Sessions.Tokens tokens) {
    return Response.ok(
            new TokenResponse(tokens.access().token(), "Bearer", AccessTokens.LIFETIME.toSeconds()))
        .cookie(RefreshCookie.of(tokens.refresh().token(), tokens.refresh().familyExpiresAt()))
        .header("Cache-Control", "no-store")
        .build();
  }

  private String address() {
    return request.getRemoteAddr();
  }
}

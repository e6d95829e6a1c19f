package io.protohive.rest.me;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.home.Dashboard;
import io.protohive.kernel.home.DashboardView;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.RefreshTokens;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.privacy.Erasure;
import io.protohive.kernel.privacy.ErasureReport;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantSummary;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person. */
@Path("me")
@Tag(name = "Authentication")
@RequestScoped
public class MeResource {

  static final String USER = "user";
  static final String PLATFORM_ADMIN = "platform-admin";
  static final String TENANT_ADMIN = "tenant-admin";

  @Inject SignedIn signedIn;
  @Inject Authorization authorization;
  @Inject AccountService accounts;
  @Inject TenantDirectory tenants;
  @Inject RefreshTokens refreshTokens;
  @Inject Dashboard dashboard;
  @Inject Erasure erasure;
  @Context HttpServletRequest request;

  /** The caller's account and tenant. */
  public record Me(
      UUID id,
      String email,
      String displayName,
      TenantSummary tenant,
      List<String> roles,
      boolean platformAdmin) {}

  /** A tenant by id, slug and name. */

  /** The current password, to prove it is the owner asking, and the new one. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  @POST
  @Path("password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the password; ends every session of the account")
  public Response changePassword(PasswordChange body) {
    PasswordChange given = RequestBodies.require(body);
    accounts.changePassword(
        signedIn.caller(), given.currentPassword(), given.newPassword(), request.getRemoteAddr());
    return Response.noContent().build();
  }

  @GET
  @Path("dashboard")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "The caller's home page",
      description =
          "Their organizations with the agents at work now, conversations with messages they"
              + " have not read, their open tasks (assigned and reported), the approvals they may"
              + " decide and, for tenant admins, the month's LLM spend against the budgets.")
  public DashboardView dashboard() {
    return dashboard.of(signedIn.caller());
  }

  @GET
  @Path("sessions")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The caller's sessions that can still be refreshed")
  public PageResponse<RefreshTokens.ActiveSession> sessions(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        refreshTokens.active(signedIn.caller().userId()),
        session -> session.id().toString(),
        limit,
        cursor);
  }

  @DELETE
  @Path("sessions/{sessionId}")
  @Operation(summary = "End one of the caller's sessions")
  public Response endSession(@PathParam("sessionId") UUID sessionId) {
    if (!refreshTokens.revoke(signedIn.caller().userId(), sessionId)) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No session of yours with this id.");
    }
    return Response.noContent().build();
  }

  /** The caller's email address, typed again, so that an erasure is never an accident. */
  public record ErasureConfirmation(String email) {}

  @DELETE
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Erase the caller's account and personal data",
      description =
          "The body {\"email\": ...} must hold the caller's address. Refused (409) for the last"
              + " owner of an organization and for a tenant admin named in tenants-config. Their"
              + " messages stay, written by \"deleted user\"; the answer counts what went.")
  public ErasureReport erase(ErasureConfirmation body) {
    return erasure.eraseSelf(
        signedIn.caller(), RequestBodies.require(body).email(), request.getRemoteAddr());
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Who the access token belongs to")
  public Me me() {
    Caller caller = signedIn.caller();
    AccountView account =
        accounts
            .active(caller.userId())
            .orElseThrow(
                () -> Rejection.of(Rejection.Kind.UNAUTHENTICATED, "This account is gone."));
    TenantSummary tenant = tenants.summary(account.tenantId()).orElse(null);
    return new Me(
        account.id(),
        account.email(),
        account.displayName(),
        tenant,
        roles(caller, account),
        account.platformAdmin());
  }

  /**
   * The caller's roles as the platform sees them now, not as they stood when the token was issued.
   */
  private List<String> roles(Caller caller, AccountView account) {
    List<String> roles = new ArrayList<>(List.of(USER));
    if (account.platformAdmin()) {
      roles.add(PLATFORM_ADMIN);
    }
    if (caller.tenantId() != null && authorization.isTenantAdmin(caller)) {
      roles.add(TENANT_ADMIN);
    }
    return roles;
  }
}

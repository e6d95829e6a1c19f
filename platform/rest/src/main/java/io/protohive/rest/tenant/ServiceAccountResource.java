package io.protohive.rest.tenant;

import io.protohive.kernel.identity.ServiceAccounts;
import io.protohive.kernel.identity.ServiceAccounts.ServiceAccountView;
import io.protohive.kernel.identity.token.ApiTokens;
import io.protohive.kernel.identity.token.ApiTokens.TokenRequest;
import io.protohive.kernel.identity.token.ApiTokens.TokenView;
import io.protohive.kernel.organization.ServiceAccountEnrolment;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.me.CreatedToken;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's service accounts and their API tokens, for its admins. */
@Path("tenant/service-accounts")
@Tag(name = "Tenant administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServiceAccountResource {

  @Inject ServiceAccounts serviceAccounts;
  @Inject ServiceAccountEnrolment enrolment;
  @Inject ApiTokens tokens;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The tenant's service accounts, in the order they were made, in pages")
  public PageResponse<ServiceAccountView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(serviceAccounts.list(signedIn.caller(), limit, cursor));
  }

  @POST
  @Operation(
      summary = "Make a service account",
      description =
          "An account of the tenant that is not a person: it acts through API tokens only, with"
              + " the organization roles given in memberships ([{organizationId, role}]), or added"
              + " later as a member by its email.")
  public Response create(ServiceAccountEnrolment.Draft body) {
    ServiceAccountView made =
        enrolment.create(signedIn.caller(), RequestBodies.require(body), request.getRemoteAddr());
    return Response.status(Response.Status.CREATED).entity(made).build();
  }

  @GET
  @Path("{serviceAccountId}/tokens")
  @Operation(summary = "A service account's API tokens, newest first")
  public PageResponse<TokenView> tokens(
      @PathParam("serviceAccountId") UUID serviceAccountId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        tokens.of(signedIn.caller(), serviceAccountId),
        token -> token.id().toString(),
        limit,
        cursor);
  }

  @POST
  @Path("{serviceAccountId}/tokens")
  @Operation(summary = "Make an API token for a service account; its secret is in this answer only")
  public Response createToken(
      @PathParam("serviceAccountId") UUID serviceAccountId, TokenRequest body) {
    return Response.status(Response.Status.CREATED)
        .entity(
            CreatedToken.of(
                tokens.issue(signedIn.caller(), serviceAccountId, body, request.getRemoteAddr())))
        .build();
  }

  @DELETE
  @Path("{serviceAccountId}/tokens/{tokenId}")
  @Operation(summary = "Revoke a service account's API token, at once")
  public Response revokeToken(
      @PathParam("serviceAccountId") UUID serviceAccountId, @PathParam("tokenId") UUID tokenId) {
    tokens.revoke(signedIn.caller(), serviceAccountId, tokenId, request.getRemoteAddr());
    return Response.noContent().build();
  }
}

package io.protohive.rest.me;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.ApiTokens;
import io.protohive.kernel.identity.token.ApiTokens.TokenRequest;
import io.protohive.kernel.identity.token.ApiTokens.TokenView;
import io.protohive.rest.PageResponse;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own API tokens. */
@Path("me/tokens")
@Tag(name = "API tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

  @Inject ApiTokens tokens;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The caller's API tokens, newest first, without their secrets")
  public PageResponse<TokenView> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    Caller caller = signedIn.caller();
    return PageResponse.of(
        tokens.of(caller, caller.userId()), token -> token.id().toString(), limit, cursor);
  }

  @POST
  @Operation(
      summary = "Make an API token",
      description =
          "Scopes: read, chat, tasks, files, admin. The token expires in expiresInDays (1 to 366,"
              + " 90 if not given). Its secret is in this answer, field token, and never again;"
              + " programs send it as Authorization: Bearer <token>.")
  public Response create(TokenRequest body) {
    Caller caller = signedIn.caller();
    return Response.status(Response.Status.CREATED)
        .entity(
            CreatedToken.of(tokens.issue(caller, caller.userId(), body, request.getRemoteAddr())))
        .build();
  }

  @DELETE
  @Path("{tokenId}")
  @Operation(summary = "Revoke one of the caller's API tokens, at once")
  public Response revoke(@PathParam("tokenId") UUID tokenId) {
    Caller caller = signedIn.caller();
    tokens.revoke(caller, caller.userId(), tokenId, request.getRemoteAddr());
    return Response.noContent().build();
  }
}

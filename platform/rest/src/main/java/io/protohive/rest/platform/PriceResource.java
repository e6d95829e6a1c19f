package io.protohive.rest.platform;

import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.llm.Prices;
import io.protohive.kernel.llm.Prices.Price;
import io.protohive.rest.Callers;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price table model calls are costed with, for platform admins. */
@Path("platform/llm-prices")
@Tag(name = "Platform administration")
@RequestScoped
@RolesAllowed(AccessTokens.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

  @Inject Prices prices;
  @Inject JsonWebToken token;
  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "Prices per million prompt and completion tokens, in currency micros")
  public PageResponse<Price> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        prices.list(Callers.of(token)),
        price -> price.providerId() + "/" + price.model(),
        limit,
        cursor);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the price of a provider's model")
  public Price set(Price body) {
    return prices.set(Callers.of(token), RequestBodies.require(body), request.getRemoteAddr());
  }
}

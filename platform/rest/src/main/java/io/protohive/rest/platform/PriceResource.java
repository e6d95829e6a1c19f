package io.protohive.rest.platform;

import io.protohive.kernel.llm.Prices;
import io.protohive.kernel.llm.Prices.Price;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The price table model calls are costed with, for platform admins. */
@Path("platform/llm-prices")
@Tag(name = "Platform administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

  @Inject Prices prices;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "Prices per million prompt and completion tokens, in currency micros")
  public PageResponse<Price> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        prices.list(signedIn.caller()),
        price -> price.providerId() + "/" + price.model(),
        limit,
        cursor);
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the price of a provider's model")
  public Price set(Price body) {
    return prices.set(signedIn.caller(), RequestBodies.require(body), request.getRemoteAddr());
  }
}

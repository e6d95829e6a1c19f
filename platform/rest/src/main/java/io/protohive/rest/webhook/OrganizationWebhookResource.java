package io.protohive.rest.webhook;

import io.protohive.kernel.webhook.WebhookDraft;
import io.protohive.kernel.webhook.WebhookSecret;
import io.protohive.kernel.webhook.WebhookView;
import io.protohive.kernel.webhook.Webhooks;
import io.protohive.rest.PageResponse;
import io.protohive.rest.RequestBodies;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An organization's outbound webhooks, for its admins. */
@Path("organizations")
@Tag(name = "Webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationWebhookResource {

  @Inject Webhooks webhooks;
  @Inject SignedIn signedIn;
  @Context UriInfo uri;

  @GET
  @Path("{id}/webhooks")
  @Operation(summary = "The organization's webhooks, oldest first, in pages")
  public PageResponse<WebhookView> list(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(webhooks.list(signedIn.caller(), id, limit, cursor));
  }

  @POST
  @Path("{id}/webhooks")
  @Operation(
      summary = "Subscribe a URL to the organization's events",
      description =
          "{url, eventTypes: [task.created|task.completed|approval.requested|message.completed|"
              + "file.ready], description?, enabled?}. The answer holds the signing secret, shown"
              + " this once. A URL at a private address is refused with 422.")
  public Response create(@PathParam("id") UUID id, WebhookDraft body) {
    WebhookSecret created = webhooks.create(signedIn.caller(), id, RequestBodies.require(body));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("webhooks")
                .path(created.webhook().id().toString())
                .build())
        .entity(created)
        .build();
  }
}

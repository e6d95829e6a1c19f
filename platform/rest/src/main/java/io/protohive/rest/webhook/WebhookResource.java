package io.protohive.rest.webhook;

import io.protohive.kernel.webhook.DeliveryView;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One outbound webhook: its settings, secret and delivery log. The list is under organizations. */
@Path("webhooks")
@Tag(name = "Webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

  @Inject Webhooks webhooks;
  @Inject SignedIn signedIn;

  @GET
  @Path("{webhookId}")
  @Operation(summary = "A webhook, without its secret; the organization's admins")
  public WebhookView get(@PathParam("webhookId") UUID webhookId) {
    return webhooks.get(signedIn.caller(), webhookId);
  }

  @PATCH
  @Path("{webhookId}")
  @Operation(
      summary = "Change a webhook",
      description =
          "Absent fields keep their value; a new URL passes the same checks as at creation.")
  public WebhookView update(@PathParam("webhookId") UUID webhookId, WebhookDraft body) {
    return webhooks.update(signedIn.caller(), webhookId, RequestBodies.require(body));
  }

  @DELETE
  @Path("{webhookId}")
  @Operation(summary = "Delete a webhook and its delivery log")
  public Response delete(@PathParam("webhookId") UUID webhookId) {
    webhooks.delete(signedIn.caller(), webhookId);
    return Response.noContent().build();
  }

  @POST
  @Path("{webhookId}/secret")
  @Operation(
      summary = "Rotate the signing secret",
      description = "The new secret is in this answer only; the old one signs nothing from now on.")
  public WebhookSecret rotate(@PathParam("webhookId") UUID webhookId) {
    return webhooks.rotateSecret(signedIn.caller(), webhookId);
  }

  @GET
  @Path("{webhookId}/deliveries")
  @Operation(summary = "The delivery log, newest first, each delivery with its attempts")
  public PageResponse<DeliveryView> deliveries(
      @PathParam("webhookId") UUID webhookId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(webhooks.deliveries(signedIn.caller(), webhookId, limit, cursor));
  }

  @POST
  @Path("{webhookId}/deliveries/{deliveryId}/redeliver")
  @Operation(
      summary = "Send a delivery again",
      description = "With its first webhook-id, signed afresh; 409 while it is still being tried.")
  public Response redeliver(
      @PathParam("webhookId") UUID webhookId, @PathParam("deliveryId") UUID deliveryId) {
    return Response.accepted(webhooks.redeliver(signedIn.caller(), webhookId, deliveryId)).build();
  }
}

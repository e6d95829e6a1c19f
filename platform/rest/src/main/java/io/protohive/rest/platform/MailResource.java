package io.protohive.rest.platform;

import io.protohive.kernel.mail.MailView;
import io.protohive.kernel.system.MailOutbox;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mail the platform sent or holds in its dev outbox, for platform admins. */
@Path("platform/mail")
@Tag(name = "Platform administration")
@RequestScoped
public class MailResource {

  @Inject MailOutbox outbox;
  @Inject SignedIn signedIn;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The newest mail first, including the dev outbox")
  public PageResponse<MailView> recent(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(outbox.recent(signedIn.caller(), limit, cursor));
  }
}

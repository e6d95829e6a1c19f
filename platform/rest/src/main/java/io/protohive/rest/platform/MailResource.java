package io.protohive.rest.platform;

import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.mail.MailMessage;
import io.protohive.kernel.mail.Mailer;
import io.protohive.kernel.platform.Page;
import io.protohive.rest.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The mail the platform sent or holds in its dev outbox, for platform admins. */
@Path("platform/mail")
@Tag(name = "Platform administration")
@RequestScoped
@RolesAllowed(AccessTokens.PLATFORM_ADMIN)
public class MailResource {

  @Inject Mailer mailer;

  /** A mail as listed. */
  public record Mail(
      UUID id,
      String recipient,
      String subject,
      String body,
      String delivery,
      Instant createdAt,
      Instant sentAt,
      String error) {

    static Mail of(MailMessage message) {
      return new Mail(
          message.id(),
          message.recipient(),
          message.subject(),
          message.body(),
          message.delivery().name(),
          message.createdAt(),
          message.sentAt(),
          message.error());
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The newest mail first, including the dev outbox")
  public PageResponse<Mail> recent(@QueryParam("limit") Integer limit) {
    return PageResponse.all(mailer.recent(Page.limit(limit)).stream().map(Mail::of).toList());
  }
}

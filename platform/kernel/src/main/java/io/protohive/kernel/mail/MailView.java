package io.protohive.kernel.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail as platform admins see it listed.
 *
 * @param delivery how it leaves the platform: {@code OUTBOX} or {@code SMTP}, as {@link
 *     MailMessage.Delivery} names it
 * @param error why sending failed, or {@code null}
 */
public record MailView(
    UUID id,
    String recipient,
    String subject,
    String body,
    String delivery,
    Instant createdAt,
    Instant sentAt,
    String error) {

  public static MailView of(MailMessage message) {
    return new MailView(
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

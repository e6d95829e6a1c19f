package io.protohive.kernel.mail;

import io.protohive.kernel.platform.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mail the platform sent, or holds in the dev outbox. Only an outbox mail keeps its secrets (the
 * links it carries): the outbox is then the one way to read it; a mail for SMTP is recorded without
 * them, so the record opens no account.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

  /** Where a mail goes. */
  public enum Delivery {
    /** Held for platform admins to read, when no SMTP server is configured. */
    OUTBOX,
    SMTP
  }

  static final String REMOVED = "[removed: sent by mail only]";

  @Id private UUID id;

  @Column(name = "tenant_id")
  @Convert(converter = NullableUuidConverter.class)
  private UUID tenantId;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Delivery delivery;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  private String error;

  protected MailMessage() {}

  MailMessage(
      UUID tenantId,
      String recipient,
      String subject,
      String body,
      List<String> secrets,
      Delivery delivery) {
    this.id = UUID.randomUUID();
    this.tenantId = tenantId;
    this.recipient = recipient;
    this.subject = subject;
    this.body = delivery == Delivery.OUTBOX ? body : withoutSecrets(body, secrets);
    this.delivery = delivery;
    this.createdAt = Instant.now();
  }

  private static String withoutSecrets(String body, List<String> secrets) {
    String recorded = body;
    for (String secret : secrets) {
      recorded = recorded.replace(secret, REMOVED);
    }
    return recorded;
  }

  void sent() {
    sentAt = Instant.now();
  }

  void failed(String reason) {
    error = reason;
  }

  public UUID id() {
    return id;
  }

  public String recipient() {
    return recipient;
  }

  public String subject() {
    return subject;
  }

  public String body() {
    return body;
  }

  public Delivery delivery() {
    return delivery;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String error() {
    return error;
  }
}

package io.protohive.kernel.identity.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A handed-over provider sign-in, waiting for the UI; stored by its ticket's hash. */
@Entity
@Table(name = "oidc_ticket")
public class OidcTicket {

  @Id
  @Column(name = "token_hash")
  private String tokenHash;

  @Column(name = "tenant_id", nullable = false)
  private UUID tenantId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "provider_id", nullable = false)
  private String providerId;

  @Column(nullable = false)
  private String subject;

  @Column(name = "confirm_link", nullable = false)
  private boolean confirmLink;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected OidcTicket() {}

  OidcTicket(String tokenHash, ProviderSignIn signIn, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.tenantId = signIn.tenant().id();
    this.userId = signIn.account().id();
    this.providerId = signIn.provider().id();
    this.subject = signIn.subject();
    this.confirmLink = signIn.confirmationNeeded();
    this.expiresAt = expiresAt;
  }

  UUID tenantId() {
    return tenantId;
  }

  UUID userId() {
    return userId;
  }

  String providerId() {
    return providerId;
  }

  String subject() {
    return subject;
  }

  boolean confirmLink() {
    return confirmLink;
  }

  Instant expiresAt() {
    return expiresAt;
  }
}

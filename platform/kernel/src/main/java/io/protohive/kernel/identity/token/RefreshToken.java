package io.protohive.kernel.identity.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a sign-in's family; only its hash is stored. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

  @Id private UUID id;

  @Column(name = "family_id", nullable = false)
  private UUID familyId;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "family_expires_at", nullable = false)
  private Instant familyExpiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  protected RefreshToken() {}

  RefreshToken(UUID familyId, UUID userId, String tokenHash, Instant now, Instant familyExpiresAt) {
    this.id = UUID.randomUUID();
    this.familyId = familyId;
    this.userId = userId;
    this.tokenHash = tokenHash;
    this.issuedAt = now;
    this.familyExpiresAt = familyExpiresAt;
  }

  UUID familyId() {
    return familyId;
  }

  UUID userId() {
    return userId;
  }

  Instant issuedAt() {
    return issuedAt;
  }

  Instant familyExpiresAt() {
    return familyExpiresAt;
  }

  boolean isUsed() {
    return usedAt != null;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  void markUsed(Instant now) {
    usedAt = now;
  }

  /** When a kept sign-in last showed the token, or its issue for one never shown. */
  Instant lastSeenAt() {
    return lastSeenAt == null ? issuedAt : lastSeenAt;
  }

  void markSeen(Instant now) {
    lastSeenAt = now;
  }
}

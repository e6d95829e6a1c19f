package io.protohive.kernel.identity.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An API token of an account; only its hash and its last characters are stored. */
@Entity
@Table(name = "api_token")
public class ApiToken {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String scopes;

  @Column(name = "token_hash", nullable = false, unique = true)
  private String tokenHash;

  @Column(name = "token_hint", nullable = false)
  private String tokenHint;

  @Column(name = "created_by", nullable = false)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "last_used_address")
  private String lastUsedAddress;

  protected ApiToken() {}

  ApiToken(
      UUID userId,
      String name,
      Set<Scope> scopes,
      String tokenHash,
      String tokenHint,
      UUID createdBy,
      Instant now,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.name = name;
    this.scopes = Scope.join(scopes);
    this.tokenHash = tokenHash;
    this.tokenHint = tokenHint;
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  UUID userId() {
    return userId;
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean isRevoked() {
    return revokedAt != null;
  }

  void revoke(Instant now) {
    revokedAt = now;
  }

  ApiTokens.TokenView view() {
    return new ApiTokens.TokenView(
        id,
        name,
        Scope.split(scopes).stream().map(Scope::wire).toList(),
        "…" + tokenHint,
        createdAt,
        expiresAt,
        revokedAt,
        lastUsedAt,
        lastUsedAddress);
  }
}

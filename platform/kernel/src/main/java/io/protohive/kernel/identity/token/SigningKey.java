package io.protohive.kernel.identity.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An RSA key pair that signs access tokens; retired keys are no longer published. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id private String kid;

  @Column(name = "private_key", nullable = false)
  private byte[] privateKey;

  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected SigningKey() {}

  SigningKey(String kid, byte[] privateKey, byte[] publicKey, Instant createdAt) {
    this.kid = kid;
    this.privateKey = privateKey.clone();
    this.publicKey = publicKey.clone();
    this.createdAt = createdAt;
  }

  String kid() {
    return kid;
  }

  byte[] privateKey() {
    return privateKey.clone();
  }

  byte[] publicKey() {
    return publicKey.clone();
  }

  Instant createdAt() {
    return createdAt;
  }

  void retire(Instant now) {
    retiredAt = now;
  }
}

package io.protohive.kernel.identity.token;

import io.protohive.kernel.secret.SecretBox;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Base64;

/**
 * An RSA key pair that signs access tokens; retired keys are no longer published. The private part
 * is stored sealed with the secrets key, bound to the key's id.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

  @Id private String kid;

  @Column(name = "sealed_private_key")
  private String sealedPrivateKey;

  @Column(name = "public_key", nullable = false)
  private byte[] publicKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected SigningKey() {}

  SigningKey(String kid, String sealedPrivateKey, byte[] publicKey, Instant createdAt) {
    this.kid = kid;
    this.sealedPrivateKey = sealedPrivateKey;
    this.publicKey = publicKey.clone();
    this.createdAt = createdAt;
  }

  /** Seals a PKCS#8 private key so that it opens only as the key {@code kid}. */
  static String seal(SecretBox secrets, String kid, byte[] privateKey) {
    return secrets.encrypt(Base64.getEncoder().encodeToString(privateKey), context(kid));
  }

  private static String context(String kid) {
    return "signing-key/" + kid;
  }

  String kid() {
    return kid;
  }

  String sealedPrivateKey() {
    return sealedPrivateKey;
  }

  /**
   * @return the PKCS#8 private key
   * @throws IllegalArgumentException when the sealed key was not sealed for this key id
   */
  byte[] privateKey(SecretBox secrets) {
    return Base64.getDecoder().decode(secrets.decrypt(sealedPrivateKey, context(kid)));
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

package io.protohive.kernel.identity.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The keys that sign access tokens, kept in the database so every node signs with the same keys,
 * and published as a JWK set for whoever verifies the tokens. The newest key signs; an older key
 * stays published until no token it signed can still be valid, then it is retired.
 */
@ApplicationScoped
public class SigningKeys {

  private static final int KEY_BITS = 2048;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject SecretBox secrets;
  @Inject PlatformAdmins platformAdmins;
  @Inject AuditLog audit;

  // how long a node may go on signing with a key it loaded before another node rotated
  private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

  private volatile RSAKey current;
  private volatile Instant loadedAt = Instant.EPOCH;

  /** Seals private keys still stored in clear, and creates the first key when there is none. */
  @Transactional
  @AsPlatform
  public void ensureKey() {
    sealClearKeys();
    if (activeKeys().isEmpty()) {
      entityManager.persist(generate());
    }
  }

  // keys stored before private parts were sealed; sealing them again finds none
  private void sealClearKeys() {
    @SuppressWarnings("unchecked")
    List<Object[]> clear =
        entityManager
            .createNativeQuery(
                "select kid, private_key from signing_key where private_key is not null")
            .getResultList();
    for (Object[] row : clear) {
      String kid = (String) row[0];
      entityManager
          .createNativeQuery(
              "update signing_key set sealed_private_key = ?1, private_key = null where kid = ?2")
          .setParameter(1, SigningKey.seal(secrets(), kid, (byte[]) row[1]))
          .setParameter(2, kid)
          .executeUpdate();
    }
  }

  /**
   * Adds a new signing key for a platform admin, and retires the keys no valid token can carry any
   * more.
   *
   * @return the new key's id
   */
  @Transactional
  @AsPlatform
  public String rotate(Caller caller, String sourceAddress) {
    platformAdmins.require(caller);
    String kid = rotate();
    audit.record(null, caller.userId(), Action.SIGNING_KEY_ROTATED, kid, sourceAddress);
    return kid;
  }

  // in the platform scope of the caller's transaction
  private String rotate() {
    SigningKey key = generate();
    entityManager.persist(key);
    retireSuperseded();
    current = null;
    return key.kid();
  }

  /** Rotates when the newest key is older than {@code maxAge}. */
  @Transactional
  @AsPlatform
  public boolean rotateIfOlderThan(Duration maxAge) {
    List<SigningKey> keys = activeKeys();
    if (!keys.isEmpty() && keys.get(0).createdAt().isAfter(Instant.now().minus(maxAge))) {
      retireSuperseded();
      return false;
    }
    rotate();
    return true;
  }

  private void retireSuperseded() {
    List<SigningKey> keys = activeKeys();
    Instant cutoff = Instant.now().minus(AccessTokens.LIFETIME);
    // a key is superseded once a newer one signs; its tokens are dead a token lifetime later
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).createdAt().isBefore(cutoff)) {
        keys.get(i).retire(Instant.now());
      }
    }
  }

  /** The newest active key, with its private part, for signing. */
  @Transactional
  @AsPlatform
  public RSAKey signingKey() {
    RSAKey key = current;
    if (key == null || loadedAt.isBefore(Instant.now().minus(RELOAD_AFTER))) {
      List<SigningKey> keys = activeKeys();
      if (keys.isEmpty()) {
        throw new IllegalStateException("no signing key; the platform creates one at start");
      }
      key = toJwk(keys.get(0), true);
      current = key;
      loadedAt = Instant.now();
    }
    return key;
  }

  /** Every active key's public part. */
  @Transactional
  @AsPlatform
  public JWKSet publicKeys() {
    return new JWKSet(
        activeKeys().stream().<com.nimbusds.jose.jwk.JWK>map(k -> toJwk(k, false)).toList());
  }

  private List<SigningKey> activeKeys() {
    return entityManager
        .createQuery(
            "select k from SigningKey k where k.retiredAt is null order by k.createdAt desc",
            SigningKey.class)
        .getResultList();
  }

  private SigningKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(KEY_BITS);
      KeyPair pair = generator.generateKeyPair();
      String kid = UUID.randomUUID().toString();
      return new SigningKey(
          kid,
          SigningKey.seal(secrets(), kid, pair.getPrivate().getEncoded()),
          pair.getPublic().getEncoded(),
          Instant.now());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every Java runtime", e);
    }
  }

  private SecretBox secrets() {
    return secrets;
  }

  private RSAKey toJwk(SigningKey key, boolean withPrivatePart) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAKey.Builder builder =
          new RSAKey.Builder(
                  (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(key.publicKey())))
              .keyID(key.kid())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256);
      if (withPrivatePart) {
        builder.privateKey(
            (RSAPrivateKey)
                factory.generatePrivate(new PKCS8EncodedKeySpec(key.privateKey(secrets()))));
      }
      return builder.build();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("signing key " + key.kid() + " is unreadable", e);
    }
  }
}

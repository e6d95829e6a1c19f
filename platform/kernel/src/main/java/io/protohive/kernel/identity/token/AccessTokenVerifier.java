package io.protohive.kernel.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * The one check of an access token, for every door that takes one (API requests, the socket's
 * handshake and its rechecks): signed with RS256 by an active key, issued by and for this platform,
 * not expired, and its account's sessions not ended since it was issued.
 */
@ApplicationScoped
public class AccessTokenVerifier {

  /** What a client is told of a token that does not pass, whatever the reason. */
  public static final String INVALID = "A valid access token is required.";

  public static final String EXPIRED = "The access token expired; get a fresh one.";

  // a key rotated on another node is picked up at once: an unknown kid reloads the keys
  private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

  @Inject SigningKeys keys;
  @Inject AccountStandings standings;

  private volatile JWKSet known = new JWKSet();
  private volatile Instant loadedAt = Instant.EPOCH;

  /** What a verified token says: who, under which session generation, until when. */
  public record Verified(Caller caller, long generation, Instant expiresAt) {}

  /**
   * @throws Rejection of kind {@code UNAUTHENTICATED} for any token that does not pass
   */
  public Verified verify(String token) {
    return verify(token, this::publicKeys, Instant.now(), standings::admits);
  }

  /** Looks keys up by id, so that the check itself runs without a server in unit tests. */
  interface KeyLookup {
    JWK byId(String kid);
  }

  static Verified verify(
      String token, KeyLookup keys, Instant now, BiPredicate<UUID, Long> sessionStands) {
    if (token == null || token.isBlank()) {
      throw invalid();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWK key = keys.byId(jwt.getHeader().getKeyID());
      if (key == null
          || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
          || !jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
        throw invalid();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!AccessTokens.ISSUER.equals(claims.getIssuer())
          || claims.getAudience() == null
          || !claims.getAudience().contains(AccessTokens.AUDIENCE)
          || claims.getSubject() == null
          || claims.getExpirationTime() == null) {
        throw invalid();
      }
      Instant expiresAt = claims.getExpirationTime().toInstant();
      if (!expiresAt.isAfter(now)) {
        throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, EXPIRED);
      }
      String tenant = claims.getStringClaim(AccessTokens.TENANT_CLAIM);
      Long generation = claims.getLongClaim(AccessTokens.GENERATION_CLAIM);
      Caller caller =
          new Caller(
              UUID.fromString(claims.getSubject()),
              tenant == null ? null : UUID.fromString(tenant));
      long issuedUnder = generation == null ? 0 : generation;
      if (!sessionStands.test(caller.userId(), issuedUnder)) {
        throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccountStandings.SESSION_ENDED);
      }
      return new Verified(caller, issuedUnder, expiresAt);
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  private JWK publicKeys(String kid) {
    JWK key = kid == null ? null : known.getKeyByKeyId(kid);
    if (key == null || loadedAt.isBefore(Instant.now().minus(RELOAD_AFTER))) {
      known = keys.publicKeys();
      loadedAt = Instant.now();
      key = kid == null ? null : known.getKeyByKeyId(kid);
    }
    return key;
  }

  private static Rejection invalid() {
    return Rejection.of(Rejection.Kind.UNAUTHENTICATED, INVALID);
  }
}

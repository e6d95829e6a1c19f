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
import io.protohive.kernel.platform.LogContext;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * The one check of a bearer token, for every door that takes one (API requests, the socket's
 * handshake and its rechecks, the OpenAI-compatible API, MCP). An API token is {@link ApiTokens}'s
 * to check; an access token must be signed with RS256 by an active key, issued by and for this
 * platform, not expired, and its account's sessions not ended since it was issued.
 *
 * <p>A token's signature and claims are verified once per node and remembered until it expires
 * ({@link VerifiedTokens}); its key being still published, its expiry and its account's standing
 * are checked on every use, so a disabled account or ended session is refused at once.
 */
@ApplicationScoped
public class AccessTokenVerifier {

  /** What a client is told of a token that does not pass, whatever the reason. */
  public static final String INVALID = "A valid access token is required.";

  public static final String EXPIRED = "The access token expired; get a fresh one.";

  // a key rotated on another node is picked up at once: an unknown kid reloads the keys
  private static final Duration RELOAD_AFTER = Duration.ofMinutes(1);

  // far more than the people signed in to one node within a token's lifetime
  private static final int REMEMBERED = 50_000;

  @Inject SigningKeys keys;
  @Inject AccountStandings standings;
  @Inject ApiTokenStore apiTokens;

  private volatile JWKSet known = new JWKSet();
  private volatile Instant loadedAt = Instant.EPOCH;
  private final VerifiedTokens remembered = new VerifiedTokens(REMEMBERED);

  /**
   * What a verified token says: who, under which session generation, until when, allowed what. An
   * access token allows whatever its account may do; an API token what it was made for.
   */
  public record Verified(Caller caller, long generation, Instant expiresAt, Set<Scope> scopes) {

    /**
     * @throws Rejection FORBIDDEN, naming the scope, when the token was not made for it
     */
    public void require(Scope scope) {
      if (!scopes.contains(scope)) {
        throw Rejection.of(
            Rejection.Kind.FORBIDDEN,
            "This token does not have the '" + scope.wire() + "' scope this request needs.");
      }
    }
  }

  /**
   * Checks an access token or, by its prefix, an API token.
   *
   * @param address where the request came from; an API token remembers its last use
   * @throws Rejection of kind {@code UNAUTHENTICATED} for any token that does not pass
   */
  public Verified verify(String token, String address) {
    Verified verified =
        token != null && token.startsWith(ApiTokens.PREFIX)
            ? apiTokens.verify(token, address)
            : verify(token, this::publicKeys, Instant.now(), standings::admits, remembered);
    LogContext.put("tenantId", verified.caller().tenantId());
    LogContext.put("userId", verified.caller().userId());
    return verified;
  }

  /** Looks keys up by id, so that the check itself runs without a server in unit tests. */
  interface KeyLookup {
    JWK byId(String kid);
  }

  static Verified verify(
      String token,
      KeyLookup keys,
      Instant now,
      BiPredicate<UUID, Long> sessionStands,
      VerifiedTokens remembered) {
    if (token == null || token.isBlank()) {
      throw invalid();
    }
    String digest = VerifiedTokens.digest(token);
    VerifiedTokens.Remembered known = remembered.get(digest);
    if (known != null) {
      if (keys.byId(known.keyId()) == null) {
        remembered.forget(digest);
        throw invalid();
      }
      return stillValid(known.verified(), now, sessionStands, () -> remembered.forget(digest));
    }
    VerifiedTokens.Remembered verified = verify(token, keys, now, sessionStands);
    remembered.put(digest, verified, now);
    return verified.verified();
  }

  private static VerifiedTokens.Remembered verify(
      String token, KeyLookup keys, Instant now, BiPredicate<UUID, Long> sessionStands) {
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
      String tenant = claims.getStringClaim(AccessTokens.TENANT_CLAIM);
      Long generation = claims.getLongClaim(AccessTokens.GENERATION_CLAIM);
      Caller caller =
          new Caller(
              UUID.fromString(claims.getSubject()),
              tenant == null ? null : UUID.fromString(tenant));
      long issuedUnder = generation == null ? 0 : generation;
      Verified verified = new Verified(caller, issuedUnder, expiresAt, Scope.ALL);
      return new VerifiedTokens.Remembered(
          stillValid(verified, now, sessionStands, () -> {}), jwt.getHeader().getKeyID());
    } catch (ParseException | JOSEException | IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** What is checked on every use of a token, verified now or before. */
  private static Verified stillValid(
      Verified verified, Instant now, BiPredicate<UUID, Long> sessionStands, Runnable expired) {
    if (!verified.expiresAt().isAfter(now)) {
      expired.run();
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, EXPIRED);
    }
    if (!sessionStands.test(verified.caller().userId(), verified.generation())) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccountStandings.SESSION_ENDED);
    }
    return verified;
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

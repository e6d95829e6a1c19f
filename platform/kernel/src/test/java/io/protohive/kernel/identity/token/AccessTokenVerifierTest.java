package io.protohive.kernel.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.platform.Rejection;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

  private static final RSAKey KEY = rsa("kid-1");
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final UUID USER = UUID.randomUUID();
  private static final UUID TENANT = UUID.randomUUID();
  private static final AccessTokenVerifier.KeyLookup KNOWN =
      kid -> KEY.getKeyID().equals(kid) ? KEY.toPublicJWK() : null;

  private final BiPredicate<UUID, Long> generationTwoStands = (user, generation) -> generation == 2;

  @Test
  void aValidTokenNamesItsCallerAndSession() {
    AccessTokenVerifier.Verified verified = verify(token(c -> c, KEY), generationTwoStands);

    assertThat(verified.caller().userId()).isEqualTo(USER);
    assertThat(verified.caller().tenantId()).isEqualTo(TENANT);
    assertThat(verified.generation()).isEqualTo(2);
    assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void aTokenWhoseSessionsEndedIsRefusedThoughItsSignatureHolds() {
    assertRefused(token(c -> c, KEY), (user, generation) -> false, AccountStandings.SESSION_ENDED);
  }

  @Test
  void anExpiredTokenIsRefused() {
    assertRefused(
        token(c -> c.expirationTime(Date.from(NOW)), KEY),
        generationTwoStands,
        AccessTokenVerifier.EXPIRED);
  }

  @Test
  void aTokenForAnotherAudienceOrIssuerIsRefused() {
    assertRefused(
        token(c -> c.audience("someone-else"), KEY),
        generationTwoStands,
        AccessTokenVerifier.INVALID);
    assertRefused(
        token(c -> c.issuer("someone-else"), KEY),
        generationTwoStands,
        AccessTokenVerifier.INVALID);
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsRefused() {
    RSAKey forged = rsa("kid-1");
    assertRefused(token(c -> c, forged), generationTwoStands, AccessTokenVerifier.INVALID);
    assertRefused(token(c -> c, rsa("kid-2")), generationTwoStands, AccessTokenVerifier.INVALID);
    assertRefused("not.a.token", generationTwoStands, AccessTokenVerifier.INVALID);
    assertRefused("", generationTwoStands, AccessTokenVerifier.INVALID);
  }

  @Test
  void aRememberedTokenOfAnAccountDisabledSinceIsRefused() {
    VerifiedTokens remembered = new VerifiedTokens(10);
    String token = token(c -> c, KEY);
    AtomicBoolean stands = new AtomicBoolean(true);
    BiPredicate<UUID, Long> standing = (user, generation) -> stands.get();
    verify(token, KNOWN, NOW, standing, remembered);
    assertThat(remembered.size()).isEqualTo(1);

    stands.set(false);

    assertThatThrownBy(() -> verify(token, KNOWN, NOW, standing, remembered))
        .isInstanceOf(Rejection.class)
        .hasMessage(AccountStandings.SESSION_ENDED);
  }

  @Test
  void aRememberedTokenIsRefusedOnceItExpires() {
    VerifiedTokens remembered = new VerifiedTokens(10);
    String token = token(c -> c, KEY);
    verify(token, KNOWN, NOW, generationTwoStands, remembered);

    assertThatThrownBy(
            () -> verify(token, KNOWN, NOW.plusSeconds(600), generationTwoStands, remembered))
        .isInstanceOf(Rejection.class)
        .hasMessage(AccessTokenVerifier.EXPIRED);
    assertThat(remembered.size()).isZero();
  }

  @Test
  void aRememberedTokenIsRefusedOnceItsKeyIsNoLongerPublished() {
    VerifiedTokens remembered = new VerifiedTokens(10);
    String token = token(c -> c, KEY);
    verify(token, KNOWN, NOW, generationTwoStands, remembered);

    assertThatThrownBy(() -> verify(token, kid -> null, NOW, generationTwoStands, remembered))
        .isInstanceOf(Rejection.class)
        .hasMessage(AccessTokenVerifier.INVALID);
  }

  @Test
  void aTokenAlteredFromARememberedOneIsVerifiedAfreshAndRefused() {
    VerifiedTokens remembered = new VerifiedTokens(10);
    String token = token(c -> c, KEY);
    verify(token, KNOWN, NOW, generationTwoStands, remembered);
    String[] parts = token.split("\\.");
    String otherClaims = token(c -> c.subject(UUID.randomUUID().toString()), KEY).split("\\.")[1];

    assertThatThrownBy(
            () ->
                verify(
                    parts[0] + "." + otherClaims + "." + parts[2],
                    KNOWN,
                    NOW,
                    generationTwoStands,
                    remembered))
        .isInstanceOf(Rejection.class)
        .hasMessage(AccessTokenVerifier.INVALID);
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    VerifiedTokens remembered = new VerifiedTokens(10);
    String token = token(c -> c, KEY);

    assertThatThrownBy(() -> verify(token, KNOWN, NOW, (user, generation) -> false, remembered))
        .isInstanceOf(Rejection.class);
    assertThat(remembered.size()).isZero();
  }

  @Test
  void theRememberedTokensStayWithinTheirBound() {
    VerifiedTokens remembered = new VerifiedTokens(4);
    for (int i = 0; i < 20; i++) {
      verify(
          token(c -> c.jwtID(UUID.randomUUID().toString()), KEY),
          KNOWN,
          NOW,
          generationTwoStands,
          remembered);
      assertThat(remembered.size()).isLessThanOrEqualTo(4);
    }
  }

  private static AccessTokenVerifier.Verified verify(
      String token, BiPredicate<UUID, Long> sessionStands) {
    return verify(token, KNOWN, NOW, sessionStands, new VerifiedTokens(10));
  }

  private static AccessTokenVerifier.Verified verify(
      String token,
      AccessTokenVerifier.KeyLookup keys,
      Instant now,
      BiPredicate<UUID, Long> sessionStands,
      VerifiedTokens remembered) {
    return AccessTokenVerifier.verify(token, keys, now, sessionStands, remembered);
  }

  private static void assertRefused(
      String token, BiPredicate<UUID, Long> sessionStands, String message) {
    assertThatThrownBy(() -> verify(token, sessionStands))
        .isInstanceOfSatisfying(
            Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.UNAUTHENTICATED))
        .hasMessage(message);
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change, RSAKey key) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(AccessTokens.ISSUER)
            .audience(AccessTokens.AUDIENCE)
            .subject(USER.toString())
            .claim(AccessTokens.TENANT_CLAIM, TENANT.toString())
            .claim(AccessTokens.GENERATION_CLAIM, 2L)
            .issueTime(Date.from(NOW.minusSeconds(60)))
            .expirationTime(Date.from(NOW.plusSeconds(600)));
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
              change.apply(claims).build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

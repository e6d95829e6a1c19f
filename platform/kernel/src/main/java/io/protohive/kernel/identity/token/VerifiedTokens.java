package io.protohive.kernel.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature and claims this node verified already, so that a token is parsed
 * and its RS256 signature checked once, not on every request it comes with. Only what the token
 * itself says is remembered, until it expires: whether its account still stands is asked on every
 * use. Kept by the SHA-256 of the token, so a token differing by one character is verified afresh,
 * and no token is held in memory. Bounded: when full, expired tokens go, and if that frees too
 * little, all of them.
 */
final class VerifiedTokens {

  /** What a token verified once says, and the key that signed it. */
  record Remembered(AccessTokenVerifier.Verified verified, String keyId) {}

  private final int max;
  private final Map<String, Remembered> byDigest = new ConcurrentHashMap<>();

  VerifiedTokens(int max) {
    this.max = max;
  }

  Remembered get(String digest) {
    return byDigest.get(digest);
  }

  void put(String digest, Remembered remembered, Instant now) {
    if (byDigest.size() >= max) {
      byDigest.values().removeIf(r -> !r.verified().expiresAt().isAfter(now));
      // emptying now and then keeps each put cheap when the tokens in use outnumber the bound
      if (byDigest.size() > max * 3 / 4) {
        byDigest.clear();
      }
    }
    byDigest.put(digest, remembered);
  }

  void forget(String digest) {
    byDigest.remove(digest);
  }

  int size() {
    return byDigest.size();
  }

  static String digest(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}

package io.protohive.kernel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification writes them, for the webhooks the platform
 * sends and the routine triggers it receives: a secret is {@code whsec_} and the Base64 of its key;
 * a message's {@code webhook-signature} is {@code v1,} and the Base64 of the HMAC-SHA256 of {@code
 * id.timestamp.body}, several of them separated by spaces while a secret is rotated.
 *
 * <p>Thread-safe.
 */
public final class StandardWebhooks {

  public static final String ID = "webhook-id";
  public static final String TIMESTAMP = "webhook-timestamp";
  public static final String SIGNATURE = "webhook-signature";

  /** How far a message's timestamp may be from now, either way, before it counts as a replay. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final String PREFIX = "whsec_";
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private StandardWebhooks() {}

  /** A new secret, {@code whsec_} and 32 random bytes in Base64. */
  public static String newSecret() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The value of {@value #SIGNATURE} for the message. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] signature =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  /**
   * Why a received message does not pass, or empty when it does: its signature must be one of
   * {@code secret}'s for the id, timestamp and body, and its timestamp within {@link #TOLERANCE} of
   * {@code now}, so that a message captured on the way cannot be sent again later.
   */
  public static Optional<String> refusal(
      String secret, String id, String timestamp, String signatures, String body, Instant now) {
    if (id == null || timestamp == null || signatures == null) {
      return Optional.of("Send the " + ID + ", " + TIMESTAMP + " and " + SIGNATURE + " headers.");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Optional.of("The " + TIMESTAMP + " header is the time in seconds since the epoch.");
    }
    if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return Optional.of(
          "The " + TIMESTAMP + " is more than 5 minutes away from now: sign each call afresh.");
    }
    byte[] expected = sign(secret, id, seconds, body).getBytes(StandardCharsets.US_ASCII);
    for (String given : signatures.strip().split(" +")) {
      if (MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
        return Optional.empty();
      }
    }
    return Optional.of("The " + SIGNATURE + " does not match the message and the secret.");
  }

  private static byte[] key(String secret) {
    return Base64.getDecoder()
        .decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
  }
}

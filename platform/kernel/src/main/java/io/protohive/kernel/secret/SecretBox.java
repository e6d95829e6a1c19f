package io.protohive.kernel.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM, and signs values with HMAC-SHA256. Each value is bound
 * to where it belongs (for example tenant, plugin and key) as associated data, so a ciphertext
 * copied to another row does not decrypt.
 *
 * <p>Thread-safe.
 */
public final class SecretBox {

  private static final String PREFIX = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private static final String MAC = "HmacSHA256";
  private static final char SIGNATURE = '~';

  private final SecretKey key;
  private final SecretKey macKey;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key 32 bytes
   */
  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("the secrets key must be 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    // a key of its own for signatures, so that no value is ever both encrypted and signed with one
    this.macKey = new SecretKeySpec(hmac(new SecretKeySpec(key, MAC), "signatures"), MAC);
  }

  /**
   * The value with a signature that binds it to {@code context}: for values that travel where the
   * platform does not trust what it reads back, such as the cluster's shared maps.
   */
  public String sign(String value, String context) {
    return value + SIGNATURE + signature(value, context);
  }

  /** The value of a signed one, when its signature is this key's for {@code context}. */
  public Optional<String> verified(String signed, String context) {
    int at = signed.lastIndexOf(SIGNATURE);
    if (at < 0) {
      return Optional.empty();
    }
    String value = signed.substring(0, at);
    byte[] expected = signature(value, context).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signed.substring(at + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(value) : Optional.empty();
  }

  private String signature(String value, String context) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(hmac(macKey, context + '\0' + value));
  }

  private static byte[] hmac(SecretKey key, String data) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
    }
  }

  /** A new random key, Base64-encoded as the configuration holds it. */
  public static String newKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public String encrypt(String plaintext, String context) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, context);
      byte[] encrypted = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + encrypted.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(encrypted, 0, out, iv.length, encrypted.length);
      return PREFIX + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a secret could not be encrypted", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the value was not encrypted with this key for this
   *     context
   */
  public String decrypt(String ciphertext, String context) {
    if (!ciphertext.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not an encrypted secret");
    }
    try {
      byte[] in = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
      byte[] iv = Arrays.copyOfRange(in, 0, IV_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, iv, context);
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the secret does not decrypt with this key", e);
    }
  }

  private Cipher cipher(int mode, byte[] iv, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}

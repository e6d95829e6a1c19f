package io.protohive.kernel.encryption;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's field keys, unwrapped: an AES-256-GCM keyset that seals personal data in its rows, and
 * an HMAC-SHA256 key that turns the words of sealed text into search terms (a keyed blind index).
 *
 * <p>The sealing keyset rotates: a rotation adds a new primary key that seals from then on, while
 * the older keys still open what they sealed until they are retired. Each sealed value is bound to
 * its row ({@code context}) as associated data, so a value copied to another row does not open.
 *
 * <p>Thread-safe.
 */
public final class FieldKey {

  /** What a word is to the search terms: a run of letters and digits. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A term is the first 8 bytes of the word's HMAC: collisions are one in 2^64. */
  private static final int TERM_BYTES = 8;

  static {
    try {
      AeadConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeysetHandle sealing;
  private final KeysetHandle indexing;
  private final Aead aead;
  private final PrfSet prf;

  private FieldKey(KeysetHandle sealing, KeysetHandle indexing) throws GeneralSecurityException {
    this.sealing = sealing;
    this.indexing = indexing;
    this.aead = sealing.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.prf = indexing.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  /** New random keys. */
  public static FieldKey generate() {
    try {
      return new FieldKey(
          KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
          KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("field keys cannot be generated", e);
    }
  }

  /**
   * The keys from their {@link #sealingJson()} and {@link #indexingJson()} forms.
   *
   * @throws IllegalArgumentException when the texts are not such keysets
   */
  public static FieldKey fromJson(String sealing, String indexing) {
    try {
      return new FieldKey(
          TinkJsonProtoKeysetFormat.parseKeyset(sealing, InsecureSecretKeyAccess.get()),
          TinkJsonProtoKeysetFormat.parseKeyset(indexing, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not field keys", e);
    }
  }

  /** The sealing keyset in Tink's JSON format, secrets included: encrypt it before storing it. */
  public String sealingJson() {
    return json(sealing);
  }

  /** The indexing keyset in Tink's JSON format, secret included: encrypt it before storing it. */
  public String indexingJson() {
    return json(indexing);
  }

  /** The id of the key that seals now; rows record it beside what it sealed. */
  public int primaryId() {
    return sealing.getPrimary().getId();
  }

  /** How many keys of the sealing keyset still open values: more than one until a retirement. */
  public int keys() {
    return sealing.size();
  }

  /** These keys with a new primary sealing key; the old ones still open what they sealed. */
  public FieldKey rotated() {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder(sealing);
      builder.addEntry(
          KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
              .withRandomId()
              .makePrimary());
      return new FieldKey(builder.build(), indexing);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the field key cannot be rotated", e);
    }
  }

  /** These keys with the primary sealing key alone: what older keys sealed no longer opens. */
  public FieldKey retired() {
    try {
      KeysetHandle.Builder builder = KeysetHandle.newBuilder();
      builder.addEntry(KeysetHandle.importKey(sealing.getPrimary().getKey()).makePrimary());
      return new FieldKey(builder.build(), indexing);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the field key's old keys cannot be retired", e);
    }
  }

  /** The text sealed with the primary key and bound to {@code context}. */
  public String seal(String plain, String context) {
    try {
      return Base64.getEncoder()
          .encodeToString(aead.encrypt(plain.getBytes(StandardCharsets.UTF_8), bytes(context)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a field cannot be sealed", e);
    }
  }

  /**
   * The text a sealed value holds.
   *
   * @throws IllegalStateException when no key of the tenant sealed it for {@code context}, or it
   *     was changed
   */
  public String open(String sealed, String context) {
    try {
      return new String(
          aead.decrypt(Base64.getDecoder().decode(sealed), bytes(context)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a sealed field does not open for " + context, e);
    }
  }

  /**
   * The text a column holds: sealed when its row names the key that sealed it, written before
   * sealing (and not yet resealed) when the row names none.
   */
  public String read(String column, Long keyId, String context) {
    return column == null || keyId == null ? column : open(column, context);
  }

  /**
   * The search terms of a text: one per distinct word, case folded. A text matches a query when its
   * terms contain all the query's terms.
   */
  public long[] searchTerms(String text) {
    Set<String> words = new LinkedHashSet<>();
    for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words.stream().mapToLong(this::term).toArray();
  }

  private long term(String word) {
    try {
      return ByteBuffer.wrap(prf.computePrimary(bytes(word), TERM_BYTES)).getLong();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a search term cannot be computed", e);
    }
  }

  private static String json(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the field keys cannot be serialized", e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

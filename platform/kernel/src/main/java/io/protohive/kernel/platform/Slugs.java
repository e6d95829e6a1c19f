package io.protohive.kernel.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Names made fit for addresses and identifiers that programs keep. */
public final class Slugs {

  private Slugs() {}

  /**
   * The name in lower-case ASCII letters and digits, other characters runs of one hyphen: "Rocket
   * Labs & Co." is {@code rocket-labs-co}; a name with none of those is {@code fallback}.
   */
  public static String of(String name, String fallback) {
    String plain =
        Normalizer.normalize(name, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return plain.isEmpty() ? fallback : plain;
  }
}

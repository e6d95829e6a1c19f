package io.protohive.kernel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void aSlugIsTheNameInLowerCaseAsciiWithHyphensBetweenWords() {
    assertThat(Slugs.of("Rocket Labs & Co.", "fallback")).isEqualTo("rocket-labs-co");
    assertThat(Slugs.of("  Crème Brûlée 2 ", "fallback")).isEqualTo("creme-brulee-2");
    assertThat(Slugs.of("a/b", "fallback"))
        .as("no slash to split a model name at")
        .isEqualTo("a-b");
  }

  @Test
  void aNameWithoutLettersOrDigitsStillHasASlug() {
    assertThat(Slugs.of("★ ★", "fallback")).isEqualTo("fallback");
    assertThat(Slugs.of("東京", "fallback")).isEqualTo("fallback");
  }
}

package io.protohive.kernel.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentDirectoryTest {

  @Test
  void aSlugIsTheNameInLowerCaseAsciiWithHyphensBetweenWords() {
    assertThat(AgentDirectory.slug("Rocket Labs & Co.")).isEqualTo("rocket-labs-co");
    assertThat(AgentDirectory.slug("  Crème Brûlée 2 ")).isEqualTo("creme-brulee-2");
    assertThat(AgentDirectory.slug("a/b")).as("no slash to split a model name at").isEqualTo("a-b");
  }

  @Test
  void aNameWithoutLettersOrDigitsStillHasASlug() {
    assertThat(AgentDirectory.slug("★ ★")).isEqualTo("organization");
    assertThat(AgentDirectory.slug("東京")).isEqualTo("organization");
  }
}

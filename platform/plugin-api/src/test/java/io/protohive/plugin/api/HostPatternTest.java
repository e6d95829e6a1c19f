package io.protohive.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

  @Test
  void matchesAHostCaseInsensitivelyOnAnyPortWhenNoneIsGiven() {
    HostPattern pattern = HostPattern.parse("API.Example.com");

    assertThat(pattern.matches("api.example.com", 80)).isTrue();
    assertThat(pattern.matches("api.example.com.", 8443)).isTrue();
    assertThat(pattern.matches("example.com", 80)).isFalse();
    assertThat(pattern.matches("api.example.com.evil.example", 80)).isFalse();
  }

  @Test
  void matchesOnlyTheGivenPort() {
    HostPattern pattern = HostPattern.parse("api.example.com:8443");

    assertThat(pattern.matches("api.example.com", 8443)).isTrue();
    assertThat(pattern.matches("api.example.com", 443)).isFalse();
  }

  @Test
  void aWildcardMatchesSubdomainsButNotTheDomainItself() {
    HostPattern pattern = HostPattern.parse("*.example.org");

    assertThat(pattern.matches("a.example.org", 443)).isTrue();
    assertThat(pattern.matches("a.b.example.org", 443)).isTrue();
    assertThat(pattern.matches("example.org", 443)).isFalse();
    assertThat(pattern.matches("badexample.org", 443)).isFalse();
  }

  @Test
  void aStarAloneMatchesEveryHost() {
    HostPattern pattern = HostPattern.parse("*");

    assertThat(pattern.matches("anything.example", 8080)).isTrue();
    assertThat(pattern.matches("10.0.0.1", 80)).isTrue();
  }

  @Test
  void understandsBracketedIpv6() {
    HostPattern pattern = HostPattern.parse("[fd00::1]:8080");

    assertThat(pattern.matches("[fd00::1]", 8080)).isTrue();
    assertThat(pattern.matches("fd00::1", 80)).isFalse();
    assertThat(pattern).hasToString("[fd00::1]:8080");
    assertThat(HostPattern.parse("fd00::1").matches("fd00::1", 1)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "**",
        "a.*.example.org",
        "example.com:0",
        "example.com:http",
        "user@host",
        "h/x"
      })
  void rejectsWhatIsNotAHostPattern(String line) {
    assertThatThrownBy(() -> HostPattern.parse(line)).isInstanceOf(IllegalArgumentException.class);
  }
}

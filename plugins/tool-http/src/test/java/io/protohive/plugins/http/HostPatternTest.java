package io.protohive.plugins.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPatternTest {

  private static Target http(String host, int port) {
    return new Target("http", host, port);
  }

  @Test
  void matchesAHostCaseInsensitivelyOnAnyPortWhenNoneIsGiven() {
    HostPattern pattern = HostPattern.parse("API.Example.com");

    assertThat(pattern.matches(http("api.example.com", 80))).isTrue();
    assertThat(pattern.matches(http("api.example.com", 8443))).isTrue();
    assertThat(pattern.matches(http("example.com", 80))).isFalse();
    assertThat(pattern.matches(http("api.example.com.evil.example", 80))).isFalse();
  }

  @Test
  void matchesOnlyTheGivenPort() {
    HostPattern pattern = HostPattern.parse("api.example.com:8443");

    assertThat(pattern.matches(http("api.example.com", 8443))).isTrue();
    assertThat(pattern.matches(http("api.example.com", 443))).isFalse();
  }

  @Test
  void aWildcardMatchesSubdomainsButNotTheDomainItself() {
    HostPattern pattern = HostPattern.parse("*.example.org");

    assertThat(pattern.matches(http("a.example.org", 443))).isTrue();
    assertThat(pattern.matches(http("a.b.example.org", 443))).isTrue();
    assertThat(pattern.matches(http("example.org", 443))).isFalse();
    assertThat(pattern.matches(http("badexample.org", 443))).isFalse();
  }

  @Test
  void understandsBracketedIpv6() {
    HostPattern pattern = HostPattern.parse("[fd00::1]:8080");

    assertThat(pattern).isEqualTo(new HostPattern("fd00::1", false, 8080));
    assertThat(HostPattern.parse("fd00::1").port()).isEqualTo(HostPattern.ANY_PORT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "*",
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

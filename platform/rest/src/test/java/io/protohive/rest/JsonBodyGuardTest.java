package io.protohive.rest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyGuardTest {

  @Test
  void aNulCharacterInAValueOrANameIsRefused() {
    assertThatThrownBy(() -> check("{\"tenant\":\"\\u0000\"}")).isInstanceOf(Rejection.class);
    assertThatThrownBy(() -> check("{\"name\":\"a\\u0000b\"}")).isInstanceOf(Rejection.class);
    assertThatThrownBy(() -> check("{\"config\":{\"k\\u0000\":\"v\"}}"))
        .isInstanceOf(Rejection.class);
    assertThatThrownBy(() -> check("[[{\"a\":[\"\\u0000\"]}]]")).isInstanceOf(Rejection.class);
  }

  @Test
  void everythingElseIsLeftToJsonBinding() {
    assertThatCode(() -> check("{\"name\":\"Acme \\u00e9 \\ud83d\\ude00\",\"n\":1e308}"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check("{\"path\":\"C:\\\\u0000\"}"))
        .as("an escaped backslash followed by u0000 is no NUL")
        .doesNotThrowAnyException();
    assertThatCode(() -> check("")).doesNotThrowAnyException();
    assertThatCode(() -> check("{\"a\":")).doesNotThrowAnyException();
    assertThatCode(() -> check("not json \u0000")).doesNotThrowAnyException();
    assertThatCode(() -> check("[".repeat(64) + "]".repeat(64))).doesNotThrowAnyException();
  }

  @Test
  void aBodyNestedDeeperThanSixtyFourLevelsIsRefused() {
    assertThatThrownBy(() -> check("[".repeat(65) + "]".repeat(65)))
        .isInstanceOf(Rejection.class)
        .hasMessageContaining("nests deeper than 64 levels");
    assertThatThrownBy(() -> check("{\"arguments\":" + "[".repeat(100_000)))
        .as("cut off, and deeper than the parser allows")
        .isInstanceOf(Rejection.class);
  }

  private static void check(String body) {
    JsonBodyGuard.refuseUnstorable(body.getBytes(StandardCharsets.UTF_8));
  }
}

package io.protohive.kernel.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void aPositionComesBackAsItWasHandedOut() {
    Instant at = Instant.parse("2026-12-01T10:15:30.123456Z");
    UUID id = UUID.randomUUID();

    Cursor back = Cursor.decode(Cursor.of(at, id).encode());

    assertThat(back.at()).isEqualTo(at);
    assertThat(back.id()).isEqualTo(id);
    assertThat(Cursor.decode(Cursor.of("io.protohive.plugins.tool-clock").encode()).key())
        .isEqualTo("io.protohive.plugins.tool-clock");
  }

  @Test
  void anEncodedCursorIsUrlSafeAndShowsNoRowValues() {
    UUID id = UUID.randomUUID();
    String encoded = Cursor.of(Instant.now(), id).encode();

    assertThat(encoded).matches("[A-Za-z0-9_-]+").doesNotContain(id.toString());
  }

  @Test
  void garbageOrAnotherListsShapeIsRefusedAsTheCursorField() {
    for (String bad :
        new String[] {
          "garbage!", "", Cursor.of("io.protohive.plugins.tool-clock").encode(), urlBase64("a\nb")
        }) {
      assertThatThrownBy(() -> Cursor.decode(bad).id())
          .as(bad)
          .isInstanceOfSatisfying(
              Rejection.class,
              rejection -> {
                assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
                assertThat(rejection.field()).contains("cursor");
              });
    }
  }

  @Test
  void textThatMerelyDecodesIsNoCursorEvenForAListOrderedByText() {
    for (String bad : new String[] {"garbage", urlBase64("io.protohive.plugins.tool-clock")}) {
      assertThatThrownBy(() -> Cursor.decode(bad).key())
          .as(bad)
          .isInstanceOfSatisfying(
              Rejection.class, rejection -> assertThat(rejection.field()).contains("cursor"));
    }
  }

  private static String urlBase64(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}

package io.protohive.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void readsTheThreeFormsOfOneRange() {
    assertThat(ByteRange.of("bytes=100-199", 1000)).contains(new ByteRange(100, 199));
    assertThat(ByteRange.of("bytes=900-", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.of("bytes=-50", 1000)).contains(new ByteRange(950, 999));
    assertThat(ByteRange.of("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    assertThat(ByteRange.of("bytes=990-2000", 1000)).contains(new ByteRange(990, 999));
    assertThat(ByteRange.of("bytes=100-199", 1000).orElseThrow().length()).isEqualTo(100);
  }

  @Test
  void answersTheWholeContentForNoneSeveralOrMalformedRanges() {
    assertThat(ByteRange.of(null, 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=0-1,5-6", 1000)).isEmpty();
    assertThat(ByteRange.of("items=0-1", 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=-", 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=20-10", 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=99999999999999999999-", 1000)).isEmpty();
  }

  @Test
  void refusesARangeWhollyBeyondTheEnd() {
    assertThatThrownBy(() -> ByteRange.of("bytes=1000-", 1000))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.of("bytes=1000-1200", 1000))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.of("bytes=-0", 1000))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
    assertThatThrownBy(() -> ByteRange.of("bytes=0-", 0))
        .isInstanceOf(ByteRange.Unsatisfiable.class);
  }
}

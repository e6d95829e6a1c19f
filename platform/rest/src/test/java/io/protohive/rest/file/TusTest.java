package io.protohive.rest.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TusTest {

  @Test
  void readsMetadataPairsWithAndWithoutValues() {
    assertThat(
            Tus.metadata(
                "filename cmVwb3J0LnBkZg==,is_confidential, filetype YXBwbGljYXRpb24vcGRm"))
        .containsExactly(
            Map.entry("filename", "report.pdf"),
            Map.entry("is_confidential", ""),
            Map.entry("filetype", "application/pdf"));
    assertThat(Tus.metadata(null)).isEmpty();
    assertThat(Tus.metadata(Tus.encoded("filename", "Bücher 2024.txt")))
        .containsExactly(Map.entry("filename", "Bücher 2024.txt"));
  }

  @Test
  void refusesMalformedMetadata() {
    for (String header :
        new String[] {"filename not*base64", "filename a b", ",", "a YQ==,a YQ==", "x //79"}) {
      assertThatThrownBy(() -> Tus.metadata(header))
          .as(header)
          .isInstanceOfSatisfying(
              Rejection.class, r -> assertThat(r.field()).hasValue(Tus.UPLOAD_METADATA));
    }
  }

  @Test
  void readsCountsOfBytes() {
    assertThat(Tus.count(Tus.UPLOAD_LENGTH, "307200")).isEqualTo(307200);
    assertThat(Tus.count(Tus.UPLOAD_OFFSET, "0")).isZero();
    for (String value : new String[] {null, "", "-1", "1e3", "99999999999999999999", "12 3"}) {
      assertThatThrownBy(() -> Tus.count(Tus.UPLOAD_OFFSET, value))
          .as(value)
          .isInstanceOf(Rejection.class);
    }
  }

  @Test
  void knowsTheContentTypeOfAnUploadsBytes() {
    assertThat(Tus.isOffsetStream("application/offset+octet-stream")).isTrue();
    assertThat(Tus.isOffsetStream("application/octet-stream")).isFalse();
    assertThat(Tus.isOffsetStream("*/*")).isFalse();
    assertThat(Tus.isOffsetStream(null)).isFalse();
    assertThat(Tus.isOffsetStream("not a type;;")).isFalse();
  }
}

package io.protohive.kernel.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FieldKeyTest {

  private static final String ROW = SealedColumn.MESSAGE_CONTENT.context(UUID.randomUUID());

  private final FieldKey key = FieldKey.generate();

  @Test
  void aSealedValueOpensInItsOwnRowOnly() {
    String sealed = key.seal("Our margin is 12% on the Lisbon deal.", ROW);

    assertThat(sealed).doesNotContain("Lisbon").isNotEqualTo(key.seal("x", ROW));
    assertThat(key.open(sealed, ROW)).isEqualTo("Our margin is 12% on the Lisbon deal.");
    assertThatThrownBy(
            () -> key.open(sealed, SealedColumn.MESSAGE_CONTENT.context(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> FieldKey.generate().open(sealed, ROW))
        .as("another tenant's key")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aChangedValueDoesNotOpen() {
    String sealed = key.seal("Pay the invoice.", ROW);
    char[] changed = sealed.toCharArray();
    changed[changed.length / 2] = changed[changed.length / 2] == 'A' ? 'B' : 'A';

    assertThatThrownBy(() -> key.open(new String(changed), ROW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRotationSealsWithANewKeyAndStillOpensWhatTheOldOneSealed() {
    String old = key.seal("before", ROW);
    FieldKey rotated = key.rotated();

    assertThat(rotated.primaryId()).isNotEqualTo(key.primaryId());
    assertThat(rotated.keys()).isEqualTo(2);
    assertThat(rotated.open(old, ROW)).isEqualTo("before");
    String fresh = rotated.seal("after", ROW);
    assertThatThrownBy(() -> key.open(fresh, ROW)).isInstanceOf(IllegalStateException.class);

    FieldKey retired = rotated.retired();
    assertThat(retired.keys()).isEqualTo(1);
    assertThat(retired.primaryId()).isEqualTo(rotated.primaryId());
    assertThat(retired.open(fresh, ROW)).isEqualTo("after");
    assertThatThrownBy(() -> retired.open(old, ROW))
        .as("a retired key opens nothing")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theKeysSurviveTheirStoredForm() {
    FieldKey rotated = key.rotated();
    FieldKey read = FieldKey.fromJson(rotated.sealingJson(), rotated.indexingJson());

    assertThat(read.primaryId()).isEqualTo(rotated.primaryId());
    assertThat(read.open(key.seal("kept", ROW), ROW)).isEqualTo("kept");
    assertThat(read.searchTerms("Lisbon")).isEqualTo(key.searchTerms("lisbon"));
  }

  @Test
  void searchTermsAreKeyedCaseFoldedWordsAndSurviveARotation() {
    long[] terms = key.searchTerms("Lisbon deal: the LISBON margin, 12%!");

    assertThat(terms).hasSize(5).contains(key.searchTerms("lisbon 12"));
    assertThat(key.rotated().searchTerms("Lisbon")).isEqualTo(key.searchTerms("Lisbon"));
    assertThat(FieldKey.generate().searchTerms("Lisbon"))
        .as("another tenant's terms")
        .isNotEqualTo(key.searchTerms("Lisbon"));
    assertThat(key.searchTerms(" ,.! ")).isEmpty();
  }

  @Test
  void aValueWrittenBeforeSealingReadsAsItIs() {
    assertThat(key.read("written in clear", null, ROW)).isEqualTo("written in clear");
    assertThat(key.read(key.seal("sealed", ROW), (long) key.primaryId(), ROW)).isEqualTo("sealed");
    assertThat(key.read(null, null, ROW)).isNull();
  }
}

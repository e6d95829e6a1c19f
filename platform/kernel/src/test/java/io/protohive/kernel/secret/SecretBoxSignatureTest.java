package io.protohive.kernel.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxSignatureTest {

  private final SecretBox box = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

  @Test
  void aSignedValueIsReadBackInItsContext() {
    assertThat(box.verified(box.sign("14/1800000000", "standing:a"), "standing:a"))
        .contains("14/1800000000");
  }

  @Test
  void aChangedValueFailsItsSignature() {
    String signed = box.sign("14/1800000000", "standing:a");

    assertThat(box.verified(signed.replaceFirst("^14", "12"), "standing:a")).isEmpty();
  }

  @Test
  void aValueSignedForOneContextFailsInAnother() {
    assertThat(box.verified(box.sign("14", "standing:a"), "standing:b")).isEmpty();
  }

  @Test
  void aValueSignedWithAnotherKeyOrNotSignedFails() {
    SecretBox other = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

    assertThat(box.verified(other.sign("14", "standing:a"), "standing:a")).isEmpty();
    assertThat(box.verified("14", "standing:a")).isEmpty();
  }
}

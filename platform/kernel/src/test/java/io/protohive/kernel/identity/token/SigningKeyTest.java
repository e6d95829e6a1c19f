package io.protohive.kernel.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.secret.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

  private final SecretBox secrets = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

  @Test
  void storesThePrivateKeySealedAndOpensItAgain() throws Exception {
    KeyPair pair = rsa();
    byte[] privateKey = pair.getPrivate().getEncoded();

    SigningKey key = key("kid-1", SigningKey.seal(secrets, "kid-1", privateKey), pair);

    String stored = key.sealedPrivateKey();
    assertThat(stored)
        .doesNotContain(Base64.getEncoder().encodeToString(privateKey).substring(0, 40))
        .doesNotContain(new String(privateKey, StandardCharsets.ISO_8859_1));
    assertThat(key.privateKey(secrets)).isEqualTo(privateKey);
  }

  @Test
  void aSealedKeyCopiedToAnotherRowDoesNotOpen() throws Exception {
    KeyPair pair = rsa();
    String sealedForOne = SigningKey.seal(secrets, "kid-1", pair.getPrivate().getEncoded());

    SigningKey moved = key("kid-2", sealedForOne, pair);

    assertThatThrownBy(() -> moved.privateKey(secrets))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anotherSecretsKeyDoesNotOpenIt() throws Exception {
    KeyPair pair = rsa();
    SigningKey key =
        key("kid-1", SigningKey.seal(secrets, "kid-1", pair.getPrivate().getEncoded()), pair);

    SecretBox other = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));
    assertThatThrownBy(() -> key.privateKey(other)).isInstanceOf(IllegalArgumentException.class);
  }

  private static SigningKey key(String kid, String sealedKey, KeyPair pair) {
    return new SigningKey(kid, sealedKey, pair.getPublic().getEncoded(), Instant.now());
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}

package io.protohive.kernel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

  /** The example of the specification's reference libraries. */
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final long TIMESTAMP = 1614265330;
  private static final String BODY = "{\"test\": 2432232314}";

  @Test
  void signsAsTheSpecificationsReferenceExampleDoes() {
    assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void acceptsOnlyARecentMessageSignedWithTheSecret() {
    Instant now = Instant.ofEpochSecond(TIMESTAMP + 60);
    String signature = StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY);
    String stamp = Long.toString(TIMESTAMP);
    assertThat(StandardWebhooks.refusal(SECRET, ID, stamp, signature, BODY, now)).isEmpty();
    assertThat(StandardWebhooks.refusal(SECRET, ID, stamp, "v1,bogus " + signature, BODY, now))
        .as("one of several signatures, while a secret is rotated")
        .isEmpty();
    assertThat(StandardWebhooks.refusal(SECRET, ID, stamp, signature, BODY + " ", now))
        .hasValueSatisfying(reason -> assertThat(reason).contains("does not match"));
    assertThat(
            StandardWebhooks.refusal(StandardWebhooks.newSecret(), ID, stamp, signature, BODY, now))
        .isPresent();
    assertThat(
            StandardWebhooks.refusal(
                SECRET, ID, stamp, signature, BODY, Instant.ofEpochSecond(TIMESTAMP + 301)))
        .hasValueSatisfying(reason -> assertThat(reason).contains("5 minutes"));
    assertThat(StandardWebhooks.refusal(SECRET, ID, null, signature, BODY, now)).isPresent();
  }
}

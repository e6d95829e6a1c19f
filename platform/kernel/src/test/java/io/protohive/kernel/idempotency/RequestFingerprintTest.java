package io.protohive.kernel.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

  private static final String PATH = "/api/v1/conversations/7f1c/messages";

  @Test
  void theSameRequestWrittenDifferentlyHasTheSameFingerprint() {
    assertThat(of("POST", PATH, "{\"content\":\"Hi\",\"agentId\":null}"))
        .isEqualTo(of("post", PATH, " {\n  \"agentId\" : null, \"content\" : \"Hi\" } "))
        .matches("[0-9a-f]{64}");
    assertThat(of("POST", PATH, "{\"n\":1.0}")).isEqualTo(of("POST", PATH, "{\"n\":1}"));
  }

  @Test
  void anotherBodyPathOrMethodIsAnotherRequest() {
    String first = of("POST", PATH, "{\"content\":\"Hi\"}");

    assertThat(of("POST", PATH, "{\"content\":\"Hi!\"}")).isNotEqualTo(first);
    assertThat(of("POST", PATH.replace("7f1c", "7f1d"), "{\"content\":\"Hi\"}"))
        .isNotEqualTo(first);
    assertThat(of("PUT", PATH, "{\"content\":\"Hi\"}")).isNotEqualTo(first);
    assertThat(of("POST", PATH, "")).isNotEqualTo(first);
  }

  @Test
  void aBodyThatIsNoJsonIsComparedAsSent() {
    assertThat(of("POST", PATH, "{content"))
        .isEqualTo(of("POST", PATH, "{content"))
        .isNotEqualTo(of("POST", PATH, "{content "));
    assertThat(of("POST", PATH, "\"x\"")).isNotEqualTo(of("POST", PATH, "x"));
  }

  private static String of(String method, String path, String body) {
    return RequestFingerprint.of(method, path, body.getBytes(StandardCharsets.UTF_8));
  }
}

package io.protohive.kernel.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArgumentsDigestTest {

  @Test
  void theSameArgumentsHaveTheSameDigestHoweverTheJsonIsWritten() {
    String agent = "{\"url\":\"https://example.com\",\"body\":{\"b\":[1,2],\"a\":1.50}}";
    // as PostgreSQL writes the jsonb column back: keys reordered, spaces, numbers as stored
    String stored = "{\"url\": \"https://example.com\", \"body\": {\"a\": 1.5, \"b\": [1, 2]}}";

    assertThat(ArgumentsDigest.of(stored)).isEqualTo(ArgumentsDigest.of(agent)).hasSize(64);
    assertThat(ArgumentsDigest.of("{\"n\":1e2}")).isEqualTo(ArgumentsDigest.of("{\"n\": 100}"));
    assertThat(ArgumentsDigest.of(" ")).isEqualTo(ArgumentsDigest.of("{}"));
    assertThat(ArgumentsDigest.of(null)).isEqualTo(ArgumentsDigest.of("{}"));
  }

  @Test
  void otherArgumentsHaveAnotherDigest() {
    String approved = ArgumentsDigest.of("{\"to\":\"alice\",\"amount\":10,\"tags\":[\"a\",\"b\"]}");

    assertThat(ArgumentsDigest.of("{\"to\":\"mallory\",\"amount\":10,\"tags\":[\"a\",\"b\"]}"))
        .isNotEqualTo(approved);
    assertThat(ArgumentsDigest.of("{\"to\":\"alice\",\"amount\":\"10\",\"tags\":[\"a\",\"b\"]}"))
        .as("a string is not a number")
        .isNotEqualTo(approved);
    assertThat(ArgumentsDigest.of("{\"to\":\"alice\",\"amount\":10,\"tags\":[\"b\",\"a\"]}"))
        .as("order matters in arrays")
        .isNotEqualTo(approved);
    assertThat(
            ArgumentsDigest.of(
                "{\"to\":\"alice\",\"amount\":10,\"tags\":[\"a\",\"b\"],\"cc\":\"mallory\"}"))
        .as("an added argument")
        .isNotEqualTo(approved);
    assertThat(ArgumentsDigest.of("{\"a\":{\"b\":\"c\"}}"))
        .as("nesting is part of the arguments")
        .isNotEqualTo(ArgumentsDigest.of("{\"a\":\"{\\\"b\\\":\\\"c\\\"}\"}"));
  }

  @Test
  void argumentsThatAreNoJsonObjectHaveNoDigest() {
    assertThatThrownBy(() -> ArgumentsDigest.of("[1]"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ArgumentsDigest.of("{\"a\":"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

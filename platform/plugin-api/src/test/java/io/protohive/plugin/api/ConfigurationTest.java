package io.protohive.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

  private static final ConfigurationProperty URL =
      ConfigurationProperty.of("baseUrl", "Base URL", ConfigurationType.URL)
          .withDefault("https://api.example.com/v1");
  private static final ConfigurationProperty TIMEOUT =
      ConfigurationProperty.of("timeoutSeconds", "Timeout", ConfigurationType.INTEGER)
          .withDefault("60");
  private static final ConfigurationProperty MODELS =
      ConfigurationProperty.of("models", "Models", ConfigurationType.LIST).withDefault("small");
  private static final ConfigurationProperty KEY =
      ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING).asSecret();

  @Test
  void describedPropertiesFallBackToTheDefaultTheyDeclare() {
    Configuration empty = Configuration.empty();

    assertThat(empty.text(URL)).isEqualTo("https://api.example.com/v1");
    assertThat(empty.integer(TIMEOUT)).isEqualTo(60);
    assertThat(empty.seconds(TIMEOUT)).isEqualTo(Duration.ofSeconds(60));
    assertThat(empty.list(MODELS)).containsExactly("small");
    assertThat(empty.text(KEY)).isNull();
  }

  @Test
  void aTenantsValuesWinTrimmedAndBlankOnesCountAsUnset() {
    Configuration configuration =
        Configuration.of(
            Map.of(
                "baseUrl", " http://127.0.0.1:8080/v1 ",
                "timeoutSeconds", " 5",
                "models", "\n large \n\n medium",
                "apiKey", "  "));

    assertThat(configuration.text(URL)).isEqualTo("http://127.0.0.1:8080/v1");
    assertThat(configuration.seconds(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
    assertThat(configuration.list(MODELS)).containsExactly("large", "medium");
    assertThat(configuration.text(KEY)).isNull();
  }

  @Test
  void aNumberWithoutValueOrDefaultNamesTheSetting() {
    ConfigurationProperty limit =
        ConfigurationProperty.of("limit", "Limit", ConfigurationType.INTEGER);

    assertThatThrownBy(() -> Configuration.empty().integer(limit))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("limit");
  }
}

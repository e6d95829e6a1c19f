package io.protohive.plugin.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's configuration of a plugin, with defaults applied and secrets decrypted for the
 * duration of one call. Never log it.
 */
public final class Configuration {

  private final Map<String, String> values;

  private Configuration(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public static Configuration of(Map<String, String> values) {
    return new Configuration(values);
  }

  public static Configuration empty() {
    return new Configuration(Map.of());
  }

  public Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
  }

  /** The value of a required property. */
  public String require(String key) {
    return value(key)
        .orElseThrow(() -> new IllegalStateException("The plugin needs the setting " + key));
  }

  public int integer(String key, int defaultValue) {
    return value(key).map(String::trim).map(Integer::parseInt).orElse(defaultValue);
  }

  public boolean bool(String key, boolean defaultValue) {
    return value(key).map(String::trim).map(Boolean::parseBoolean).orElse(defaultValue);
  }

  /** The lines of a {@link ConfigurationType#LIST} property, trimmed, without blank ones. */
  public List<String> list(String key) {
    return value(key).map(Configuration::lines).orElse(List.of());
  }

  /**
   * The value of a described property, trimmed, or the default it declares when the tenant gave
   * none; {@code null} when it has neither. Reading through the property keeps each default in one
   * place, so the form shows the value the plugin really uses.
   *
   * @since 1.2
   */
  public String text(ConfigurationProperty property) {
    return value(property.key()).map(String::trim).orElse(property.defaultValue());
  }

  /**
   * An {@link ConfigurationType#INTEGER} property, or its declared default.
   *
   * @throws IllegalStateException when it has neither
   * @since 1.2
   */
  public int integer(ConfigurationProperty property) {
    String text = text(property);
    if (text == null) {
      throw new IllegalStateException("The plugin needs the setting " + property.key());
    }
    return Integer.parseInt(text.trim());
  }

  /**
   * An {@link ConfigurationType#INTEGER} property that counts seconds, or its declared default.
   *
   * @since 1.2
   */
  public Duration seconds(ConfigurationProperty property) {
    return Duration.ofSeconds(integer(property));
  }

  /**
   * The lines of a {@link ConfigurationType#LIST} property, or of its declared default when the
   * tenant gave none; trimmed, without blank ones.
   *
   * @since 1.2
   */
  public List<String> list(ConfigurationProperty property) {
    return value(property.key())
        .or(() -> Optional.ofNullable(property.defaultValue()))
        .map(Configuration::lines)
        .orElse(List.of());
  }

  private static List<String> lines(String value) {
    return Arrays.stream(value.split("\\R"))
        .map(String::trim)
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** Equal when the values are: a host may keep what it built from one configuration. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Configuration that && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    // values may hold decrypted secrets
    return "Configuration" + values.keySet();
  }
}

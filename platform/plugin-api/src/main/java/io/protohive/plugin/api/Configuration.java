package io.protohive.plugin.api;

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
    return value(key).stream()
        .flatMap(v -> Arrays.stream(v.split("\\R")))
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

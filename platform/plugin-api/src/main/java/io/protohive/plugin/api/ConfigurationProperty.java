package io.protohive.plugin.api;

import java.util.Objects;

/**
 * One setting of a plugin, described so that the UI can render a form field for it.
 *
 * @param key the name the plugin reads it by, e.g. {@code allowedHosts}
 * @param label what the form shows
 * @param type how the value is entered and checked
 * @param required whether the plugin cannot work without it
 * @param secret whether it is stored encrypted and never shown again once saved
 * @param defaultValue the value used when none is given, or {@code null}
 * @param help a sentence under the field
 */
public record ConfigurationProperty(
    String key,
    String label,
    ConfigurationType type,
    boolean required,
    boolean secret,
    String defaultValue,
    String help) {

  public ConfigurationProperty {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(type, "type");
    help = help == null ? "" : help;
  }

  /** An optional property with no default and no help text. */
  public static ConfigurationProperty of(String key, String label, ConfigurationType type) {
    return new ConfigurationProperty(key, label, type, false, false, null, "");
  }

  public ConfigurationProperty asRequired() {
    return new ConfigurationProperty(key, label, type, true, secret, defaultValue, help);
  }

  public ConfigurationProperty asSecret() {
    return new ConfigurationProperty(key, label, type, required, true, defaultValue, help);
  }

  public ConfigurationProperty withDefault(String value) {
    return new ConfigurationProperty(key, label, type, required, secret, value, help);
  }

  public ConfigurationProperty withHelp(String text) {
    return new ConfigurationProperty(key, label, type, required, secret, defaultValue, text);
  }
}

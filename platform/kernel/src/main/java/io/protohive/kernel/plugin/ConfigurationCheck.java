package io.protohive.kernel.plugin;

import io.protohive.kernel.platform.Rejection;
import io.protohive.plugin.api.ConfigurationProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/** Checks a tenant's plugin settings against the properties the plugin describes. */
final class ConfigurationCheck {

  private static final int MAX_VALUE_LENGTH = 10_000;

  private ConfigurationCheck() {}

  static void requireKnown(List<ConfigurationProperty> properties, Set<String> keys) {
    for (String key : keys) {
      if (properties.stream().noneMatch(p -> p.key().equals(key))) {
        throw Rejection.invalid(
            PluginCatalog.SETTING_FIELD + key, "The plugin has no setting " + key + ".");
      }
    }
  }

  static void requireValid(ConfigurationProperty property, String value) {
    String field = PluginCatalog.SETTING_FIELD + property.key();
    if (value.length() > MAX_VALUE_LENGTH) {
      throw Rejection.invalid(field, property.label() + " is longer than 10,000 characters.");
    }
    String trimmed = value.strip();
    switch (property.type()) {
      case INTEGER -> {
        try {
          Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
          throw Rejection.invalid(field, property.label() + " must be a whole number.");
        }
      }
      case BOOLEAN -> {
        if (!trimmed.equals("true") && !trimmed.equals("false")) {
          throw Rejection.invalid(field, property.label() + " must be true or false.");
        }
      }
      case URL -> {
        if (!isHttpUrl(trimmed)) {
          throw Rejection.invalid(field, property.label() + " must be an http or https URL.");
        }
      }
      default -> {
        // free text
      }
    }
  }

  /** Every required setting has a value, a default or a stored secret. */
  static void requireComplete(
      List<ConfigurationProperty> properties, PluginSettingsStore.Stored settings) {
    for (ConfigurationProperty property : properties) {
      boolean present =
          property.secret()
              ? settings.secrets().containsKey(property.key())
              : settings.values().containsKey(property.key()) || property.defaultValue() != null;
      if (property.required() && !present) {
        throw Rejection.invalid(
            PluginCatalog.SETTING_FIELD + property.key(),
            property.label() + " is required before the plugin can be enabled.");
      }
    }
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}

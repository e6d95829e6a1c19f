package io.protohive.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import io.protohive.kernel.plugin.PluginCatalog.PluginSettings;
import io.protohive.plugin.api.ConfigurationProperty;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One setting of a plugin as a form field, generated from the plugin's description of it, and what
 * saving the form sends for it.
 */
interface SettingField {

  static SettingField of(ConfigurationProperty property, PluginSettings settings) {
    return property.secret()
        ? new SecretSetting(property, settings.secretsSet().contains(property.key()))
        : PlainSetting.of(property, settings.values().get(property.key()));
  }

  /** The setting's key, as the plugin reads it. */
  String key();

  /** What the form shows. */
  Component component();

  /** Where a refusal of the setting's value is shown. */
  HasValidation validation();

  /** Puts what a save sends for the setting into the change; a secret left alone puts nothing. */
  void addTo(Map<String, String> change);

  /**
   * Labels a field as the plugin describes the setting: label, help, default and the note the form
   * adds; its id is {@code setting-<key>}.
   */
  static <F extends Component & HasLabel & HasHelper & HasValue<?, ?>> void describe(
      F field, ConfigurationProperty property, boolean markRequired, String note) {
    field.setId("setting-" + property.key());
    field.setLabel(property.label());
    field.setRequiredIndicatorVisible(markRequired);
    String defaultValue =
        property.defaultValue() == null ? "" : "Default: " + property.defaultValue() + ".";
    field.setHelperText(
        Stream.of(property.help(), note, defaultValue)
            .filter(text -> !text.isBlank())
            .collect(Collectors.joining(" ")));
  }
}

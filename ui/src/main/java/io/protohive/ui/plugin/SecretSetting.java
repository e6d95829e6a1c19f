package io.protohive.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import io.protohive.plugin.api.ConfigurationProperty;
import java.util.Map;

/**
 * A secret setting: its value never comes back from the platform, so the field always starts empty.
 * Left empty it keeps the stored value; "Clear" removes it.
 */
final class SecretSetting implements SettingField {

  private final String key;
  private final boolean stored;
  private final PasswordField field = new PasswordField();
  private final Checkbox clear = new Checkbox("Clear the stored value");

  /**
   * @param stored whether the tenant has a value stored
   */
  SecretSetting(ConfigurationProperty property, boolean stored) {
    this.key = property.key();
    this.stored = stored;
    // the browser would offer the admin's own sign-in password here
    field.setAutocomplete(Autocomplete.NEW_PASSWORD);
    field.setWidthFull();
    SettingField.describe(
        field,
        property,
        property.required() && !stored,
        stored ? "A value is stored; leave empty to keep it." : "");
    clear.setId("clear-" + key);
    clear.addValueChangeListener(
        change -> {
          field.clear();
          field.setEnabled(!change.getValue());
        });
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Component component() {
    return stored ? new Div(field, clear) : field;
  }

  @Override
  public HasValidation validation() {
    return field;
  }

  @Override
  public void addTo(Map<String, String> change) {
    if (clear.getValue()) {
      change.put(key, null);
    } else if (!field.isEmpty()) {
      change.put(key, field.getValue());
    }
  }
}

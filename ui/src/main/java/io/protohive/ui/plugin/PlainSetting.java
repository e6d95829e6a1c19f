package io.protohive.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableFunction;
import io.protohive.plugin.api.ConfigurationProperty;
import java.util.Map;

/**
 * A setting that is not secret: the form shows its stored value and sends it back whole, since a
 * save replaces all plain values. The platform checks the value; the field only suits its type.
 */
final class PlainSetting<
        V, F extends Component & HasLabel & HasHelper & HasValue<?, V> & HasValidation>
    implements SettingField {

  private final String key;
  private final F field;
  private final SerializableFunction<V, String> format;

  private PlainSetting(
      ConfigurationProperty property,
      F field,
      V value,
      SerializableFunction<V, String> format,
      String note) {
    this.key = property.key();
    this.field = field;
    this.format = format;
    SettingField.describe(field, property, property.required(), note);
    field.setValue(value);
  }

  /**
   * @param stored the tenant's value, or {@code null} when none is stored
   */
  static SettingField of(ConfigurationProperty property, String stored) {
    String text = stored == null ? "" : stored;
    return switch (property.type()) {
      case STRING, URL -> new PlainSetting<>(property, new TextField(), text, v -> v, "");
      case INTEGER -> new PlainSetting<>(property, integerField(), text, v -> v, "");
      case TEXT -> new PlainSetting<>(property, new TextArea(), text, v -> v, "");
      case LIST ->
          new PlainSetting<>(property, new TextArea(), text, v -> v, "One value per line.");
      case BOOLEAN ->
          new PlainSetting<>(
              property,
              new Checkbox(),
              Boolean.valueOf(stored != null ? stored : property.defaultValue()),
              String::valueOf,
              "");
    };
  }

  /** A text field, so that a wrong number is refused with the platform's message. */
  private static TextField integerField() {
    TextField field = new TextField();
    field.setAllowedCharPattern("[-0-9]");
    return field;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public Component component() {
    return field;
  }

  @Override
  public HasValidation validation() {
    return field;
  }

  @Override
  public void addTo(Map<String, String> change) {
    change.put(key, format.apply(field.getValue()));
  }
}

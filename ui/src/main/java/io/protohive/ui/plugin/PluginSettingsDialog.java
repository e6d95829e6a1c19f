package io.protohive.ui.plugin;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.PluginSettings;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.ManagedBadge;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.SignedInUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A tenant's settings of one plugin, as a form generated from the settings the plugin describes.
 * Saving changes the settings only: whether the plugin is on stays as it is.
 */
final class PluginSettingsDialog extends Dialog {

  private final PluginCatalog catalog;
  private final String pluginName;
  private final String pluginId;
  private final List<SettingField> fields;
  private final Runnable saved;

  /**
   * @param saved what to do once the platform took the settings
   */
  PluginSettingsDialog(
      PluginCatalog catalog, String pluginName, PluginSettings settings, Runnable saved) {
    this.catalog = catalog;
    this.pluginName = pluginName;
    this.pluginId = settings.pluginId();
    this.saved = saved;
    this.fields = settings.properties().stream().map(p -> SettingField.of(p, settings)).toList();

    setHeaderTitle("Settings of " + pluginName);
    setWidth("36em");
    if (settings.managed()) {
      add(new ManagedBadge());
    }
    if (fields.isEmpty()) {
      add(new Paragraph("This plugin has no settings."));
    } else {
      FormLayout form = new FormLayout();
      form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
      fields.forEach(field -> form.add(field.component()));
      form.setEnabled(!settings.managed());
      add(form);
    }

    Button cancel = new Button(settings.managed() ? "Close" : "Cancel", click -> close());
    Button save = new Button("Save", click -> save());
    save.setId("plugin-settings-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.setVisible(!settings.managed());
    getFooter().add(cancel, save);
  }

  private void save() {
    Map<String, String> change = new HashMap<>();
    fields.forEach(field -> field.addTo(change));
    try {
      catalog.configure(
          SignedInUser.current().orElseThrow().caller(),
          pluginId,
          null,
          change,
          false,
          ClientAddress.current());
      Notices.success("Saved the settings of " + pluginName + ".");
      close();
      saved.run();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, errorPlaces(), Notices::error);
    }
  }

  /** The fields by the names the platform gives them in a refusal. */
  private Map<String, HasValidation> errorPlaces() {
    return fields.stream()
        .collect(
            Collectors.toMap(
                field -> PluginCatalog.SETTING_FIELD + field.key(), SettingField::validation));
  }
}

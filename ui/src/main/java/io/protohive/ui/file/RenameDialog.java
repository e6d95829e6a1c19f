package io.protohive.ui.file;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;

/** Asks for a file's new name. */
final class RenameDialog extends Dialog {

  RenameDialog(String current, SerializableConsumer<String> renamed) {
    setHeaderTitle("Rename");
    TextField name = new TextField("Name", current, "");
    name.setId("file-rename-name");
    name.setWidthFull();
    add(name);
    Button save =
        new Button(
            "Rename",
            click -> {
              renamed.accept(name.getValue());
              close();
            });
    save.setId("file-rename-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button("Cancel", click -> close()), save);
  }
}

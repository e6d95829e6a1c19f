package io.protohive.ui.file;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.protohive.kernel.file.FileChange;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.FileVisibility;
import io.protohive.kernel.file.ShareView;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Notices;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who may read a file: the whole organization, or only those it is shared with by name, members and
 * agents of the organization, chosen by name.
 */
final class ShareDialog extends Dialog {

  private final FileService files;
  private final Caller caller;
  private final UUID fileId;
  private final Map<UUID, String> people;
  private final VerticalLayout shares = new VerticalLayout();
  private final Runnable changed;

  /**
   * @param members the organization's members by id, with the names to show
   * @param agents the organization's agents by id, with their names
   */
  ShareDialog(
      FileService files,
      Caller caller,
      FileView file,
      Map<UUID, String> members,
      Map<UUID, String> agents,
      Runnable changed) {
    this.files = files;
    this.caller = caller;
    this.fileId = file.id();
    this.changed = changed;
    this.people = new HashMap<>(members);
    this.people.putAll(agents);
    setHeaderTitle("Share " + file.name());
    setId("file-share-dialog");

    RadioButtonGroup<FileVisibility> visibility = new RadioButtonGroup<>("Who may read it");
    visibility.setId("file-visibility");
    visibility.setItems(FileVisibility.values());
    visibility.setItemLabelGenerator(
        v ->
            v == FileVisibility.ORGANIZATION
                ? "Everyone in the organization"
                : "Only the people and agents named below");
    visibility.setValue(file.visibility());
    visibility.addValueChangeListener(
        change -> {
          if (change.isFromClient()) {
            act(
                () ->
                    files.change(
                        caller, fileId, new FileChange(null, null, null, change.getValue())));
          }
        });

    ComboBox<UUID> whom = new ComboBox<>("Share with");
    whom.setId("file-share-with");
    whom.setItems(people.keySet());
    whom.setItemLabelGenerator(id -> people.get(id) + (agents.containsKey(id) ? " (agent)" : ""));
    Button add =
        new Button(
            "Share",
            click -> {
              UUID id = whom.getValue();
              if (id == null) {
                return;
              }
              boolean agent = agents.containsKey(id);
              act(() -> files.share(caller, fileId, agent ? null : id, agent ? id : null));
              whom.clear();
            });
    add.setId("file-share-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout adding = new HorizontalLayout(whom, add);
    adding.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    shares.setPadding(false);
    shares.setId("file-shares");
    add(visibility, adding, shares);
    getFooter().add(new Button("Close", click -> close()));
    showShares();
  }

  private void act(Runnable action) {
    try {
      action.run();
      showShares();
      changed.run();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private void showShares() {
    shares.removeAll();
    for (ShareView share : files.shares(caller, fileId)) {
      UUID whom = share.accountId() != null ? share.accountId() : share.agentId();
      Button remove =
          new Button("Remove", click -> act(() -> files.unshare(caller, fileId, share.id())));
      remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
      HorizontalLayout row =
          new HorizontalLayout(new Paragraph(people.getOrDefault(whom, whom.toString())), remove);
      row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
      shares.add(row);
    }
  }
}

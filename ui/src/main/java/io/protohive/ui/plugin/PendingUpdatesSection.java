package io.protohive.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.kernel.plugin.PluginInstaller.PendingUpdate;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.Notices;
import java.util.List;

/**
 * Updates held because they declare more capabilities than their plugin was accepted with: the
 * platform admin sees what each adds and approves (it installs) or rejects it. Hidden when none
 * waits.
 */
final class PendingUpdatesSection extends VerticalLayout {

  private final PluginInstaller installer;
  private final Caller caller;
  private final Runnable changed;
  private final Grid<PendingUpdate> updates = new Grid<>(PendingUpdate.class, false);

  PendingUpdatesSection(PluginInstaller installer, Caller caller, Runnable changed) {
    this.installer = installer;
    this.caller = caller;
    this.changed = changed;
    setPadding(false);
    updates.setId("pending-updates");
    updates.addColumn(u -> u.name() + " · " + u.pluginId()).setHeader("Plugin").setFlexGrow(2);
    updates
        .addColumn(
            u ->
                (u.installedVersion() == null ? "" : u.installedVersion() + " → ")
                    + u.version()
                    + " · "
                    + u.origin().toLowerCase())
        .setHeader("Version");
    updates
        .addColumn(u -> CapabilitiesText.of(u.addedCapabilities()))
        .setHeader("Adds")
        .setFlexGrow(2);
    updates.addColumn(u -> u.signer() == null ? "unsigned" : u.signer()).setHeader("Signer");
    updates
        .addColumn(new ComponentRenderer<>(this::actions))
        .setHeader("")
        .setWidth("14em")
        .setFlexGrow(0);
    updates.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    updates.setAllRowsVisible(true);
    add(
        new H3("Updates waiting for approval"),
        new Paragraph(
            "These updates declare capabilities their plugin was not accepted with. The running"
                + " version stays until you approve."),
        updates);
  }

  void refresh() {
    List<PendingUpdate> pending = installer.pendingUpdates(caller);
    updates.setItems(pending);
    setVisible(!pending.isEmpty());
  }

  private Component actions(PendingUpdate update) {
    Button approve =
        new Button(
            "Approve",
            click ->
                decide(
                    () -> installer.approve(caller, update.id(), ClientAddress.current()),
                    "Approved "
                        + update.name()
                        + " "
                        + update.version()
                        + ("FOLDER".equals(update.origin())
                            ? "; it installs from the plugins folder that holds it."
                            : "; it is installed on every node.")));
    approve.setId("approve-" + update.pluginId());
    approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
    Button reject =
        new Button(
            "Reject",
            click ->
                decide(
                    () -> installer.reject(caller, update.id(), ClientAddress.current()),
                    "Rejected " + update.name() + " " + update.version() + "."));
    reject.setId("reject-" + update.pluginId());
    reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(approve, reject);
  }

  private void decide(Runnable decision, String done) {
    try {
      decision.run();
      Notices.success(done);
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    changed.run();
  }
}

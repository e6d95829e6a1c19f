package io.protohive.ui.plugin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginInspectionView;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.kernel.plugin.PluginView;
import io.protohive.kernel.plugin.TrustedPublishers;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.PlatformAdminOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The installed plugins for platform admins: upload (after seeing what a jar declares), stop, start
 * and remove them, decide on updates held for the capabilities they add, see the jars the plugins
 * folder refused, and choose whose signatures the platform trusts.
 */
@Route(value = "platform/plugins", layout = MainLayout.class)
@PageTitle("Plugins · ProtoHive")
public class PluginsView extends VerticalLayout implements PlatformAdminOnly {

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final PluginInstaller installer;
  private final Upload upload;
  private final Grid<PluginView> plugins = new Grid<>(PluginView.class, false);
  private final VerticalLayout folder = new VerticalLayout();
  private final Grid<Map.Entry<String, String>> refusals = new Grid<>();
  private final TrustedPublishersSection publishers;
  private final PendingUpdatesSection pending;

  @Inject
  public PluginsView(
      PluginInstaller installer, TrustedPublishers trusted, PlatformSettings settings) {
    this.installer = installer;
    this.upload =
        new Upload(new PluginJarUpload(installer, caller, this::inspected, this::refused));
    this.publishers = new TrustedPublishersSection(trusted, caller);
    this.pending = new PendingUpdatesSection(installer, caller, this::refresh);

    plugins.setId("plugins");
    plugins
        .addColumn(new ComponentRenderer<>(PluginsView::identity))
        .setHeader("Plugin")
        .setFlexGrow(2);
    plugins.addColumn(p -> p.version() + " · " + p.origin().toLowerCase()).setHeader("Version");
    plugins.addColumn(p -> p.signer() == null ? "unsigned" : p.signer()).setHeader("Signer");
    plugins.addColumn(PluginView::state).setHeader("State").setAutoWidth(true);
    plugins
        .addColumn(p -> CapabilitiesText.of(p.capabilities()))
        .setHeader("Capabilities")
        .setFlexGrow(2);
    plugins.addColumn(p -> String.join(", ", p.tools())).setHeader("Tools").setFlexGrow(2);
    plugins
        .addColumn(new ComponentRenderer<>(this::actions))
        .setHeader("")
        .setWidth("12em")
        .setFlexGrow(0)
        .setFrozenToEnd(true);
    plugins.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    plugins.setAllRowsVisible(true);

    upload.setId("plugin-upload");
    upload.setAcceptedFileTypes(".jar");
    upload.setMaxFiles(1);
    upload.setMaxFileSize(Math.toIntExact(PluginInstaller.MAX_JAR_BYTES));
    upload.setUploadButton(new Button("Upload plugin jar…"));
    upload.setDropLabel(new Span("or drop a signed plugin jar here, at most 64 MB"));
    upload.addFileRejectedListener(rejected -> Notices.error(rejected.getErrorMessage()));

    refusals.setId("folder-refusals");
    refusals.addColumn(Map.Entry::getKey).setHeader("File");
    refusals.addColumn(Map.Entry::getValue).setHeader("Why it is refused");
    refusals.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    refusals.setAllRowsVisible(true);
    folder.setPadding(false);
    folder.add(new H3("Refused in the plugins folder"), refusals);

    add(new H2("Plugins"));
    if (settings.pluginsAllowUnsigned()) {
      add(unsignedWarning());
    }
    add(upload, pending, plugins, folder, publishers);
  }

  @Override
  public void entered() {
    refresh();
  }

  private static Component unsignedWarning() {
    Div warning =
        new Div(
            VaadinIcon.WARNING.create(),
            new Span("Unsigned plugins are accepted. Never run production like this."));
    warning.setId("unsigned-warning");
    warning.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.AlignItems.CENTER,
        LumoUtility.Gap.SMALL,
        LumoUtility.Width.FULL,
        LumoUtility.BoxSizing.BORDER,
        LumoUtility.Padding.MEDIUM,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Background.ERROR,
        LumoUtility.TextColor.ERROR_CONTRAST,
        LumoUtility.FontWeight.SEMIBOLD);
    return warning;
  }

  /** The plugin's name, with its id and vendor in smaller text below. */
  private static Component identity(PluginView plugin) {
    Span id = new Span(plugin.id() + " · " + plugin.vendor());
    id.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Div identity = new Div(new Div(plugin.name()), id);
    return identity;
  }

  private Component actions(PluginView plugin) {
    boolean active = plugin.active();
    Button toggle = new Button(active ? "Stop" : "Start");
    toggle.setId((active ? "stop-" : "start-") + plugin.id());
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
    toggle.addClickListener(
        click ->
            act(
                () -> installer.setActive(caller, plugin.id(), !active, ClientAddress.current()),
                (active ? "Stopped " : "Started ") + plugin.name() + " on every node."));
    HorizontalLayout actions = new HorizontalLayout(toggle);
    if (plugin.uploaded()) {
      Button remove = new Button("Remove", click -> confirmRemoval(plugin));
      remove.setId("remove-" + plugin.id());
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      actions.add(remove);
    }
    return actions;
  }

  private void confirmRemoval(PluginView plugin) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Remove " + plugin.name() + "?",
            "It is removed from every node, and no tenant can call its tools any more.",
            "Remove",
            confirmed ->
                act(
                    () -> installer.remove(caller, plugin.id(), ClientAddress.current()),
                    "Removed " + plugin.name() + "."));
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  /** Runs a change the installer may refuse, says how it went, and shows the plugins as now. */
  private void act(Runnable change, String done) {
    try {
      change.run();
      Notices.success(done);
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    refresh();
  }

  /** Shows what the uploaded jar declares and installs it only once the admin confirms. */
  private void inspected(PluginInspectionView inspection, Path staged) {
    upload.clearFileList();
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setId("inspection");
    confirm.setHeader(
        (inspection.installedVersion() == null ? "Install " : "Update ")
            + inspection.name()
            + " "
            + inspection.version()
            + "?");
    Div text = new Div();
    text.add(new Paragraph(inspection.id() + " · " + inspection.vendor()));
    text.add(
        new Paragraph(
            "TRUSTED".equals(inspection.signature())
                ? "Signed by " + inspection.signer() + ", a trusted publisher."
                : "Unsigned: accepted only because this platform allows unsigned plugins."));
    Paragraph declared =
        new Paragraph("Capabilities: " + CapabilitiesText.of(inspection.capabilities()) + ".");
    declared.setId("inspection-capabilities");
    text.add(declared);
    if (inspection.installedVersion() != null) {
      text.add(new Paragraph("Replaces version " + inspection.installedVersion() + "."));
    }
    if (inspection.needsApproval()) {
      Paragraph added =
          new Paragraph(
              "It adds "
                  + CapabilitiesText.of(inspection.addedCapabilities())
                  + ". It will wait below for a platform admin's approval; the running version"
                  + " stays until then.");
      added.setId("inspection-added");
      text.add(added);
    }
    confirm.setText(text);
    confirm.setCancelable(true);
    confirm.setConfirmText(inspection.needsApproval() ? "Submit for approval" : "Install");
    confirm.addConfirmListener(confirmed -> install(staged));
    confirm.addCancelListener(cancelled -> discard(staged));
    confirm.open();
  }

  private void install(Path staged) {
    try (InputStream jar = Files.newInputStream(staged)) {
      PluginInstaller.UploadOutcome outcome =
          installer.upload(caller, jar, ClientAddress.current());
      if (outcome.held() != null) {
        Notices.success(
            outcome.held().name()
                + " "
                + outcome.held().version()
                + " waits for approval: it adds "
                + CapabilitiesText.of(outcome.held().addedCapabilities())
                + ".");
      } else {
        Notices.success(
            "Installed " + outcome.installed().name() + " " + outcome.installed().version() + ".");
      }
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    } catch (IOException e) {
      Notices.error("The uploaded jar could not be read again; upload it once more.");
    } finally {
      discard(staged);
    }
    refresh();
  }

  private static void discard(Path staged) {
    try {
      Files.deleteIfExists(staged);
    } catch (IOException e) {
      // a temporary file; the system's cleanup takes it
    }
  }

  private void refused(Rejection rejection) {
    upload.clearFileList();
    Notices.error(rejection.getMessage());
  }

  private void refresh() {
    plugins.setItems(installer.plugins(caller));
    List<Map.Entry<String, String>> refused =
        List.copyOf(new TreeMap<>(installer.folderRefusals(caller)).entrySet());
    refusals.setItems(refused);
    folder.setVisible(!refused.isEmpty());
    publishers.refresh();
    pending.refresh();
  }
}

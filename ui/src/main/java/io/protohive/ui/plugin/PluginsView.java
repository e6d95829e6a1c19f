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
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.PlatformRuntime;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.kernel.plugin.TrustedPublishers;
import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.ui.home.HomeView;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The installed plugins for platform admins: upload, stop, start and remove them, see the jars the
 * plugins folder refused, and choose whose signatures the platform trusts.
 */
@Route(value = "platform/plugins", layout = MainLayout.class)
@PageTitle("Plugins · ProtoHive")
public class PluginsView extends VerticalLayout implements SignedInOnly {

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final PluginInstaller installer;
  private final PlatformRuntime runtime;
  private final Upload upload;
  private final Grid<PluginDescriptor> plugins = new Grid<>(PluginDescriptor.class, false);
  private final VerticalLayout folder = new VerticalLayout();
  private final Grid<Map.Entry<String, String>> refusals = new Grid<>();
  private final TrustedPublishersSection publishers;

  @Inject
  public PluginsView(
      PluginInstaller installer,
      TrustedPublishers trusted,
      PlatformRuntime runtime,
      PlatformSettings settings) {
    this.installer = installer;
    this.runtime = runtime;
    this.upload =
        new Upload(new PluginJarUpload(installer, caller, this::installed, this::refused));
    this.publishers = new TrustedPublishersSection(trusted, caller);

    plugins.setId("plugins");
    plugins
        .addColumn(new ComponentRenderer<>(PluginsView::identity))
        .setHeader("Plugin")
        .setFlexGrow(2);
    plugins
        .addColumn(p -> p.version() + " · " + p.origin().name().toLowerCase())
        .setHeader("Version");
    plugins.addColumn(p -> p.signer() == null ? "unsigned" : p.signer()).setHeader("Signer");
    plugins.addColumn(PluginDescriptor::state).setHeader("State").setAutoWidth(true);
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
    add(upload, plugins, folder, publishers);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (SignedInUser.current().filter(SignedInUser::platformAdmin).isPresent()) {
      refresh();
    } else {
      event.forwardTo(HomeView.class);
    }
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
  private static Component identity(PluginDescriptor plugin) {
    Span id = new Span(plugin.id() + " · " + plugin.vendor());
    id.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Div identity = new Div(new Div(plugin.name()), id);
    return identity;
  }

  private Component actions(PluginDescriptor plugin) {
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
    if (plugin.origin() == Origin.UPLOADED) {
      Button remove = new Button("Remove", click -> confirmRemoval(plugin));
      remove.setId("remove-" + plugin.id());
      remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      actions.add(remove);
    }
    return actions;
  }

  private void confirmRemoval(PluginDescriptor plugin) {
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

  private void installed(PluginDescriptor plugin) {
    upload.clearFileList();
    Notices.success("Installed " + plugin.name() + " " + plugin.version() + ".");
    refresh();
  }

  private void refused(Rejection rejection) {
    upload.clearFileList();
    Notices.error(rejection.getMessage());
  }

  private void refresh() {
    plugins.setItems(runtime.pluginHost().plugins());
    List<Map.Entry<String, String>> refused =
        List.copyOf(new TreeMap<>(runtime.pluginHost().folderRefusals()).entrySet());
    refusals.setItems(refused);
    folder.setVisible(!refused.isEmpty());
    publishers.refresh();
  }
}

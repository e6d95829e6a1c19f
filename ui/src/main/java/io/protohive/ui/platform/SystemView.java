package io.protohive.ui.platform;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.plugin.PluginView;
import io.protohive.kernel.system.SystemInfo;
import io.protohive.kernel.system.SystemInfoService;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.PlatformAdminOnly;
import jakarta.inject.Inject;
import java.util.Optional;

/** The platform at a glance: version, database mode, cluster and plugins; platform admins only. */
@Route(value = "platform/system", layout = MainLayout.class)
@PageTitle("System · ProtoHive")
public class SystemView extends VerticalLayout implements PlatformAdminOnly {

  @Inject
  public SystemView(SystemInfoService service) {
    Optional<Caller> admin = SignedInPlatformAdmin.current();
    if (admin.isEmpty()) {
      return; // beforeEnter sends everyone else away
    }
    SystemInfo info = service.current(admin.get());
    add(new H2("System"));
    add(
        fact("Version", info.version()),
        fact("Database", info.mode()),
        fact("Schema version", info.schemaVersion()),
        fact("Installation", info.installationId().toString()),
        fact("Installed", info.installedAt().toString()),
        fact("Tenants", Long.toString(info.tenants())),
        fact("Cluster members", Integer.toString(info.clusterMembers())),
        fact(
            "Plugins",
            info.plugins().active() + " active of " + info.plugins().installed() + " installed"));

    Grid<PluginView> plugins = new Grid<>(PluginView.class, false);
    plugins.setId("plugins");
    plugins.addColumn(PluginView::name).setHeader("Plugin");
    plugins.addColumn(PluginView::id).setHeader("Bundle");
    plugins.addColumn(PluginView::version).setHeader("Version");
    plugins.addColumn(PluginView::state).setHeader("State");
    plugins.addColumn(PluginView::origin).setHeader("Source");
    plugins.setItems(info.pluginBundles());
    plugins.setAllRowsVisible(true);
    add(plugins);
  }

  private static Span fact(String label, String value) {
    Span labelSpan = new Span(label + ": ");
    labelSpan.addClassNames(LumoUtility.TextColor.SECONDARY);
    Span valueSpan = new Span(value);
    valueSpan.setId("fact-" + label.toLowerCase().replace(' ', '-'));
    return new Span(labelSpan, valueSpan);
  }
}

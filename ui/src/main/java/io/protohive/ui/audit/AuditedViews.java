package io.protohive.ui.audit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import io.protohive.kernel.audit.ActorKind;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditRecord;
import io.protohive.kernel.audit.RouteSubject;
import io.protohive.kernel.platform.LogContext;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.signin.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every page a signed-in person opens in the UI leaves an audit entry ({@link AuditLog#UI_VIEW}),
 * as every API read does: the UI reads through the kernel's services, not the API, so the API's
 * audit does not see it. The entry names the page's route template ({@code VIEW
 * /organizations/{id}/files}), its innermost id as the target and the organization the route names.
 * Changes made in the UI leave their named actions.
 */
@ApplicationScoped
public class AuditedViews {

  private static final Pattern PARAMETER = Pattern.compile(":(\\w+)(\\([^)]*\\))?[?*]?");

  @Inject AuditLog log;

  void serviceInit(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(init -> init.getUI().addAfterNavigationListener(this::opened));
  }

  private void opened(AfterNavigationEvent event) {
    SignedInUser user = SignedInUser.current().orElse(null);
    List<HasElement> chain = event.getActiveChain();
    if (user == null || chain.isEmpty() || !(chain.get(0) instanceof Component view)) {
      return;
    }
    String template =
        RouteConfiguration.forApplicationScope()
            .getTemplate(view.getClass())
            .orElse(event.getLocation().getPath());
    RouteParameters parameters = event.getRouteParameters();
    String route = "/" + PARAMETER.matcher(template).replaceAll("{$1}");
    RouteSubject subject = RouteSubject.of(route, name -> parameters.get(name).orElse(null));
    log.record(
        new AuditRecord(
            user.tenantId(),
            user.id(),
            user.tenantId() == null ? ActorKind.PLATFORM_ADMIN : ActorKind.PERSON,
            AuditLog.UI_VIEW,
            null,
            subject.organizationId(),
            "VIEW " + route,
            subject.target(),
            200,
            ClientAddress.current(),
            LogContext.field("requestId"),
            null));
  }
}

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
import io.protohive.kernel.platform.LogContext;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.signin.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
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
    log.record(
        new AuditRecord(
            user.tenantId(),
            user.id(),
            user.tenantId() == null ? ActorKind.PLATFORM_ADMIN : ActorKind.PERSON,
            AuditLog.UI_VIEW,
            null,
            organization(template, parameters),
            "VIEW /" + PARAMETER.matcher(template).replaceAll("{$1}"),
            lastParameter(template, parameters),
            200,
            ClientAddress.current(),
            LogContext.field("requestId"),
            null));
  }

  /** The organization the page is about, when its route names one. */
  private static UUID organization(String template, RouteParameters parameters) {
    String id =
        parameters
            .get("organizationId")
            .orElse(
                template.startsWith("organizations/:id")
                    ? parameters.get("id").orElse(null)
                    : null);
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }

  /** The route's innermost parameter's value: {@code files/:fileId} is about the file. */
  private static String lastParameter(String template, RouteParameters parameters) {
    String last = null;
    var matcher = PARAMETER.matcher(template);
    while (matcher.find()) {
      last = matcher.group(1);
    }
    return last == null ? null : parameters.get(last).orElse(null);
  }
}

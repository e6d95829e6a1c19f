package io.protohive.ui.platform;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.AuditTrail;
import io.protohive.kernel.identity.Caller;
import io.protohive.ui.audit.AuditPanel;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.PlatformAdminOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;

/** The platform's own audit trail (entries of no tenant); platform admins only. */
@Route(value = "platform/audit", layout = MainLayout.class)
@PageTitle("Audit · ProtoHive")
public class PlatformAuditView extends VerticalLayout implements PlatformAdminOnly {

  private final AuditPanel audit;

  @Inject
  public PlatformAuditView(AuditTrail trail) {
    audit =
        new AuditPanel(
            (filter, page) -> trail.ofPlatform(caller(), filter, page),
            () -> trail.verifyPlatform(caller()));
    audit.setId("platform-audit");
    add(new H2("Platform audit trail"), audit);
  }

  @Override
  public void entered() {
    audit.search();
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}

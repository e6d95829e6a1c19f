package io.protohive.ui.platform;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.mail.MailView;
import io.protohive.kernel.system.MailOutbox;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.PlatformAdminOnly;
import jakarta.inject.Inject;

/** The mail the platform sent or holds in its dev outbox; platform admins only. */
@Route(value = "platform/mail", layout = MainLayout.class)
@PageTitle("Mail · ProtoHive")
public class OutboxView extends VerticalLayout implements PlatformAdminOnly {

  static final int SHOWN = 100;

  @Inject
  public OutboxView(MailOutbox outbox) {
    Grid<MailView> mail = new Grid<>(MailView.class, false);
    mail.setId("mail");
    mail.addColumn(m -> Dates.format(m.createdAt())).setHeader("Created");
    mail.addColumn(MailView::recipient).setHeader("To");
    mail.addColumn(MailView::subject).setHeader("Subject");
    mail.addColumn(m -> m.delivery().toLowerCase()).setHeader("Delivery");
    mail.setItemDetailsRenderer(new ComponentRenderer<>(m -> new Pre(m.body())));
    mail.setDetailsVisibleOnClick(true);
    SignedInPlatformAdmin.current()
        .ifPresent(admin -> mail.setItems(outbox.recent(admin, SHOWN, null).items()));
    add(
        new H2("Mail"),
        new Paragraph(
            "Without an SMTP server, mail waits here to be read. Mail sent over SMTP is kept"
                + " without its links, which only its recipient may open."),
        mail);
  }
}

package io.protohive.ui.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.ui.signin.SignInView;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.system.SystemView;

/** The shell around every signed-in page: title bar, navigation drawer, current user. */
public class MainLayout extends AppLayout {

  public MainLayout() {
    H1 title = new H1("ProtoHive");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);

    HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.setWidthFull();
    bar.addClassNames(LumoUtility.Padding.End.MEDIUM);
    title.getStyle().set("flex-grow", "1");
    bar.add(
        SignedInUser.current()
            .<com.vaadin.flow.component.Component>map(user -> new Span(user.email()))
            .orElseGet(() -> new Anchor(SignInView.ROUTE, "Sign in")));
    addToNavbar(bar);

    SideNav navigation = new SideNav();
    navigation.addItem(new SideNavItem("System", SystemView.class, VaadinIcon.SERVER.create()));
    addToDrawer(navigation);
  }
}

package io.protohive.ui.developer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.ServiceAccounts;
import io.protohive.kernel.identity.ServiceAccounts.ServiceAccountView;
import io.protohive.kernel.identity.token.ApiTokens;
import io.protohive.kernel.identity.token.ApiTokens.IssuedToken;
import io.protohive.kernel.identity.token.ApiTokens.TokenRequest;
import io.protohive.kernel.identity.token.ApiTokens.TokenView;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.ServiceAccountEnrolment;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where a developer connects programs to the platform: API tokens (their own, and a tenant admin's
 * service accounts'), the way to the webhooks and routines of the organizations they manage, and
 * how to reach agents through the OpenAI-compatible API and MCP.
 */
@Route(value = "developer", layout = MainLayout.class)
@PageTitle("Developer · ProtoHive")
public class DeveloperView extends VerticalLayout implements SignedInOnly {

  public static final String ROUTE = "developer";

  /** Whose tokens the page shows: the person's own, or one of the tenant's service accounts. */
  record Owner(UUID id, String label) {}

  private final ApiTokens tokens;
  private final ServiceAccounts serviceAccounts;
  private final ServiceAccountEnrolment enrolment;
  private final Authorization authorization;
  private final Select<Owner> owner = new Select<>();
  private final Grid<TokenView> tokenGrid = new Grid<>(TokenView.class, false);
  private final Grid<ServiceAccountView> accountGrid = new Grid<>(ServiceAccountView.class, false);
  private final TextField secret = new TextField("Your new token, shown this once");
  private final VerticalLayout serviceAccountSection = new VerticalLayout();
  private final Reach reach;

  @Inject
  public DeveloperView(
      ApiTokens tokens,
      ServiceAccounts serviceAccounts,
      ServiceAccountEnrolment enrolment,
      Authorization authorization,
      OrganizationService organizations) {
    this.tokens = tokens;
    this.reach = new Reach(organizations);
    this.enrolment = enrolment;
    this.serviceAccounts = serviceAccounts;
    this.authorization = authorization;
    setPadding(true);

    owner.setId("token-owner");
    owner.setLabel("Tokens of");
    owner.setItemLabelGenerator(Owner::label);
    owner.addValueChangeListener(change -> showTokens());

    TextField name = new TextField("Name");
    name.setId("token-name");
    name.setPlaceholder("CI pipeline");
    CheckboxGroup<Scope> scopes = new CheckboxGroup<>("Scopes");
    scopes.setId("token-scopes");
    scopes.setItems(Scope.values());
    scopes.setItemLabelGenerator(Scope::wire);
    scopes.setValue(Set.of(Scope.READ, Scope.CHAT));
    IntegerField days = new IntegerField("Expires in days");
    days.setId("token-days");
    days.setValue(90);
    days.setMin(1);
    days.setMax(366);
    Paragraph outcome = new Paragraph();
    outcome.setId("token-outcome");
    secret.setId("token-secret");
    secret.setReadOnly(true);
    secret.setWidthFull();
    secret.setVisible(false);
    Button copy = copyButton("token-copy", secret::getValue);
    copy.setVisible(false);
    Button make = new Button("Make token");
    make.setId("token-make");
    make.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    make.addClickListener(
        click -> {
          try {
            IssuedToken issued =
                tokens.issue(
                    caller(),
                    owner.getValue().id(),
                    new TokenRequest(
                        name.getValue(),
                        scopes.getValue().stream().sorted().map(Scope::wire).toList(),
                        days.getValue()),
                    address());
            secret.setValue(issued.token());
            secret.setVisible(true);
            copy.setVisible(true);
            outcome.setText("Copy it now: it is stored only as a hash and shown never again.");
            name.clear();
            showTokens();
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection,
                Map.of("name", name, "scopes", scopes, "expiresInDays", days),
                outcome::setText);
          }
        });

    tokenGrid.setId("tokens");
    tokenGrid.addColumn(TokenView::name).setHeader("Name");
    tokenGrid.addColumn(t -> String.join(" ", t.scopes())).setHeader("Scopes");
    tokenGrid.addColumn(TokenView::hint).setHeader("Ends with");
    tokenGrid.addColumn(t -> Dates.format(t.expiresAt())).setHeader("Expires");
    tokenGrid
        .addColumn(
            t ->
                t.lastUsedAt() == null
                    ? "never"
                    : Dates.format(t.lastUsedAt())
                        + (t.lastUsedAddress() == null ? "" : " from " + t.lastUsedAddress()))
        .setHeader("Last used");
    tokenGrid.addColumn(new ComponentRenderer<>(this::revokeButton)).setHeader("");
    tokenGrid.setAllRowsVisible(true);

    serviceAccountSection.setPadding(false);
    accountGrid.setId("service-accounts");
    accountGrid.addColumn(ServiceAccountView::name).setHeader("Name");
    accountGrid.addColumn(ServiceAccountView::email).setHeader("Add to organizations as");
    accountGrid.addColumn(a -> a.disabled() ? "disabled" : "active").setHeader("State");
    accountGrid.setAllRowsVisible(true);
    TextField accountName = new TextField("Name");
    accountName.setId("service-account-name");
    accountName.setPlaceholder("Release bot");
    Paragraph accountOutcome = new Paragraph();
    Button makeAccount = new Button("Make service account");
    makeAccount.setId("service-account-make");
    makeAccount.addClickListener(
        click -> {
          try {
            ServiceAccountView made =
                enrolment.create(
                    caller(),
                    new ServiceAccountEnrolment.Draft(accountName.getValue(), List.of()),
                    address());
            accountName.clear();
            accountOutcome.setText(
                made.name()
                    + " is made. Add it to organizations as "
                    + made.email()
                    + ", then make its tokens above.");
            showOwners(made.id());
          } catch (Rejection rejection) {
            FieldErrors.show(rejection, Map.of("name", accountName), accountOutcome::setText);
          }
        });
    serviceAccountSection.add(
        new H3("Service accounts"),
        new Paragraph(
            "Accounts for programs, not people: they act only through their tokens, in the"
                + " organizations they are members of, with the roles they are given there."),
        accountGrid,
        new HorizontalLayout(accountName, makeAccount),
        accountOutcome);

    HorizontalLayout form = new HorizontalLayout(name, days, make);
    form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    add(
        new H2("Developer"),
        new H3("API tokens"),
        new Paragraph(
            "Programs send a token as Authorization: Bearer <token> to the API, the"
                + " OpenAI-compatible API and the MCP server. It can do what its scopes allow and"
                + " never more than its account."),
        owner,
        scopes,
        form,
        outcome,
        new HorizontalLayout(secret, copy),
        tokenGrid,
        serviceAccountSection,
        reach,
        new Connect(origin()));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (SignedInUser.current().isPresent()) {
      showOwners(caller().userId());
      // organizations are a tenant's: a platform admin outside any tenant manages none
      reach.setVisible(caller().tenantId() != null);
      if (reach.isVisible()) {
        reach.show(caller());
      }
    }
  }

  private void showOwners(UUID selected) {
    List<Owner> owners = new ArrayList<>(List.of(new Owner(caller().userId(), "You")));
    boolean admin = authorization.isTenantAdmin(caller());
    serviceAccountSection.setVisible(admin);
    if (admin) {
      List<ServiceAccountView> accounts =
          serviceAccounts.list(caller(), Page.MAX_LIMIT, null).items();
      accountGrid.setItems(accounts);
      accounts.stream()
          .filter(a -> !a.disabled())
          .forEach(a -> owners.add(new Owner(a.id(), a.name() + " (service account)")));
    }
    owner.setItems(owners);
    owner.setValue(
        owners.stream().filter(o -> o.id().equals(selected)).findFirst().orElse(owners.get(0)));
  }

  private void showTokens() {
    if (owner.getValue() != null) {
      tokenGrid.setItems(tokens.of(caller(), owner.getValue().id()));
    }
  }

  private Button revokeButton(TokenView token) {
    Button revoke = new Button(token.revokedAt() == null ? "Revoke" : "Revoked");
    revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    revoke.setEnabled(token.revokedAt() == null);
    revoke.addClickListener(
        click -> {
          tokens.revoke(caller(), owner.getValue().id(), token.id(), address());
          showTokens();
        });
    return revoke;
  }

  /** A button that puts the text on the clipboard, in the browser. */
  static Button copyButton(String id, java.util.function.Supplier<String> text) {
    Button copy = new Button("Copy");
    copy.setId(id);
    copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
    copy.addClickListener(
        click ->
            copy.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", text.get()));
    return copy;
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }

  private static String address() {
    return VaadinRequest.getCurrent().getRemoteAddr();
  }

  /** The address the person reached the platform at, for the snippets. */
  private static String origin() {
    VaadinRequest request = VaadinRequest.getCurrent();
    String host = request.getHeader("Host");
    String scheme = request.isSecure() ? "https" : "http";
    return scheme + "://" + (host == null ? "localhost:9080" : host);
  }
}

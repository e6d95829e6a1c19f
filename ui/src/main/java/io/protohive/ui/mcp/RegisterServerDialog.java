package io.protohive.ui.mcp;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpOAuthClient;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Registers an MCP server: the platform lists its tools at once, so a server it cannot use is
 * refused here, with the reason on the field it is about.
 */
final class RegisterServerDialog extends Dialog {

  private final McpServers servers;
  private final Caller admin;
  private final Runnable registered;
  private final TextField name = new TextField("Name");
  private final TextField url = new TextField("URL");
  private final RadioButtonGroup<McpServerView.Auth> auth =
      new RadioButtonGroup<>("Authentication");
  private final PasswordField token = new PasswordField("Bearer token");
  private final TextField tokenUrl = new TextField("Token URL");
  private final TextField clientId = new TextField("Client id");
  private final PasswordField clientSecret = new PasswordField("Client secret");
  private final TextField scope = new TextField("Scope");
  private final Button register = new Button("Register", click -> register());

  /**
   * @param registered what to do once the platform took the server
   */
  RegisterServerDialog(McpServers servers, Caller admin, Runnable registered) {
    this.servers = servers;
    this.admin = admin;
    this.registered = registered;

    setHeaderTitle("Register an MCP server");
    setWidth("36em");
    name.setId("mcp-server-name");
    name.setPlaceholder("github");
    name.setHelperText("Lower-case letters, digits and hyphens; its tools are named after it.");
    url.setId("mcp-server-url");
    url.setPlaceholder("https://mcp.example.com/mcp");
    url.setHelperText("Reached over streamable HTTP.");
    auth.setId("mcp-server-auth");
    auth.setItems(McpServerView.Auth.values());
    auth.setItemLabelGenerator(
        choice ->
            switch (choice) {
              case NONE -> "None";
              case TOKEN -> "Bearer token";
              case OAUTH -> "OAuth client credentials";
            });
    auth.setValue(McpServerView.Auth.NONE);
    auth.addValueChangeListener(change -> showFieldsOf(change.getValue()));
    token.setId("mcp-server-token");
    token.setHelperText("Sent as a bearer token and never shown again.");
    tokenUrl.setId("mcp-server-oauth-token-url");
    tokenUrl.setPlaceholder("https://auth.example.com/oauth/token");
    tokenUrl.setHelperText(
        "The platform gets an access token here and sends it as a bearer token.");
    clientId.setId("mcp-server-oauth-client-id");
    clientSecret.setId("mcp-server-oauth-client-secret");
    clientSecret.setHelperText("Never shown again.");
    scope.setId("mcp-server-oauth-scope");
    scope.setHelperText("Optional.");
    showFieldsOf(McpServerView.Auth.NONE);
    FormLayout form =
        new FormLayout(name, url, auth, token, tokenUrl, clientId, clientSecret, scope);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    add(form);

    Button cancel = new Button("Cancel", click -> close());
    register.setId("mcp-server-register");
    register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // listing the server's tools takes a while: one click registers it once
    register.setDisableOnClick(true);
    getFooter().add(cancel, register);
  }

  private void register() {
    try {
      McpServerView server =
          servers.register(
              admin,
              name.getValue(),
              url.getValue(),
              auth.getValue() == McpServerView.Auth.TOKEN && !token.isEmpty()
                  ? token.getValue()
                  : null,
              auth.getValue() == McpServerView.Auth.OAUTH
                  ? new McpOAuthClient(
                      tokenUrl.getValue(),
                      clientId.getValue(),
                      clientSecret.getValue(),
                      scope.isEmpty() ? null : scope.getValue())
                  : null,
              ClientAddress.current());
      Notices.success("Registered " + server.name() + " with " + server.tools().size() + " tools.");
      close();
      registered.run();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, errorPlaces(), Notices::error);
    } finally {
      register.setEnabled(true);
    }
  }

  private void showFieldsOf(McpServerView.Auth chosen) {
    token.setVisible(chosen == McpServerView.Auth.TOKEN);
    Stream.of(tokenUrl, clientId, clientSecret, scope)
        .forEach(field -> field.setVisible(chosen == McpServerView.Auth.OAUTH));
  }

  /** The fields by the names the platform gives them in a refusal. */
  private Map<String, HasValidation> errorPlaces() {
    return Map.of(
        "name", name,
        "url", url,
        "token", token,
        "oauth", tokenUrl,
        "oauth.tokenUrl", tokenUrl,
        "oauth.clientId", clientId,
        "oauth.clientSecret", clientSecret,
        "oauth.scope", scope);
  }
}

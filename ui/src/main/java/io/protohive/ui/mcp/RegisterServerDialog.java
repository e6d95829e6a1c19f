package io.protohive.ui.mcp;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.Map;

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
  private final PasswordField token = new PasswordField("Bearer token");
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
    token.setId("mcp-server-token");
    token.setHelperText("Optional; sent as a bearer token and never shown again.");
    FormLayout form = new FormLayout(name, url, token);
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
              token.isEmpty() ? null : token.getValue(),
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

  /** The fields by the names the platform gives them in a refusal. */
  private Map<String, HasValidation> errorPlaces() {
    return Map.of("name", name, "url", url, "token", token);
  }
}

package io.protohive.ui.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.CurrentInstance;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpOAuthClient;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.CurrentRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegisterServerDialogTest {

  private static final Caller ADMIN = new Caller(UUID.randomUUID(), UUID.randomUUID());

  private final List<String> tokens = new ArrayList<>();
  private final List<McpOAuthClient> clients = new ArrayList<>();
  private final AtomicInteger registered = new AtomicInteger();
  private final RegisterServerDialog dialog =
      new RegisterServerDialog(
          new McpServers() {
            @Override
            public McpServerView register(
                Caller admin,
                String name,
                String url,
                String token,
                McpOAuthClient oauth,
                String sourceAddress) {
              tokens.add(token);
              clients.add(oauth);
              if (url.contains("unreachable")) {
                throw Rejection.invalid(
                    "url", "The MCP server could not be used: it could not be reached");
              }
              return new McpServerView(
                  UUID.randomUUID(),
                  name,
                  url,
                  null,
                  token != null,
                  McpServerView.Auth.NONE,
                  Instant.EPOCH,
                  List.of());
            }
          },
          ADMIN,
          registered::incrementAndGet);

  @BeforeEach
  void onAPage() {
    UI.setCurrent(new UI());
    CurrentRequest.from("203.0.113.7");
  }

  @AfterEach
  void offThePage() {
    CurrentInstance.clearAll();
  }

  @Test
  void aServerThatCannotBeUsedIsRefusedOnItsUrlWithTheReason() {
    ComponentTree.<TextField>byId(dialog, "mcp-server-name").setValue("gone");
    TextField url = ComponentTree.byId(dialog, "mcp-server-url");
    url.setValue("http://unreachable.example.com/mcp");

    register();

    assertThat(url.isInvalid()).isTrue();
    assertThat(url.getErrorMessage()).contains("could not be reached");
    assertThat(registered).hasValue(0);
    assertThat(registerButton().isEnabled()).as("the admin may try again").isTrue();
  }

  @Test
  void anEmptyTokenIsNoToken() {
    ComponentTree.<TextField>byId(dialog, "mcp-server-name").setValue("docs");
    ComponentTree.<TextField>byId(dialog, "mcp-server-url")
        .setValue("https://docs.example.com/mcp");
    register();

    ComponentTree.<RadioButtonGroup<McpServerView.Auth>>byId(dialog, "mcp-server-auth")
        .setValue(McpServerView.Auth.TOKEN);
    ComponentTree.<PasswordField>byId(dialog, "mcp-server-token").setValue("s3cret");
    register();

    assertThat(tokens).containsExactly(null, "s3cret");
    assertThat(registered).hasValue(2);
  }

  @Test
  void anOAuthClientIsGivenInsteadOfAToken() {
    ComponentTree.<TextField>byId(dialog, "mcp-server-name").setValue("crm");
    ComponentTree.<TextField>byId(dialog, "mcp-server-url").setValue("https://crm.example.com/mcp");
    ComponentTree.<RadioButtonGroup<McpServerView.Auth>>byId(dialog, "mcp-server-auth")
        .setValue(McpServerView.Auth.OAUTH);
    PasswordField token = ComponentTree.byId(dialog, "mcp-server-token");
    assertThat(token.isVisible()).as("a token or a client, not both").isFalse();
    ComponentTree.<TextField>byId(dialog, "mcp-server-oauth-token-url")
        .setValue("https://auth.example.com/token");
    ComponentTree.<TextField>byId(dialog, "mcp-server-oauth-client-id").setValue("protohive");
    ComponentTree.<PasswordField>byId(dialog, "mcp-server-oauth-client-secret")
        .setValue("client-s3cret");

    register();

    assertThat(tokens).containsExactly((String) null);
    assertThat(clients)
        .containsExactly(
            new McpOAuthClient(
                "https://auth.example.com/token", "protohive", "client-s3cret", null));
  }

  private void register() {
    registerButton().click();
  }

  /** The dialog's button to register, which sits in its footer, outside its children. */
  private Button registerButton() {
    return dialog
        .getFooter()
        .getElement()
        .getChildren()
        .map(Element::getComponent)
        .flatMap(Optional::stream)
        .filter(button -> button.getId().equals(Optional.of("mcp-server-register")))
        .map(Button.class::cast)
        .findFirst()
        .orElseThrow();
  }
}

package io.protohive.plugins.misbehaving;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Reads a secret and a plain setting from the tenant's configuration and tells only the secret's
 * length, so tests can see the secret arrive decrypted without it ever being shown.
 */
@Component(service = Tool.class)
public final class TokenCheckTool implements Tool {

  @Override
  public String id() {
    return "misbehaving.check-token";
  }

  @Override
  public String name() {
    return "Checks the token";
  }

  @Override
  public String description() {
    return "Says how long the configured token is.";
  }

  @Override
  public String parametersSchema() {
    return "{\"type\":\"object\"}";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return List.of(
        ConfigurationProperty.of("token", "Token", ConfigurationType.STRING)
            .asRequired()
            .asSecret()
            .withHelp("Any text; only its length is ever shown."),
        ConfigurationProperty.of("greeting", "Greeting", ConfigurationType.STRING)
            .withDefault("hello"),
        ConfigurationProperty.of("retries", "Retries", ConfigurationType.INTEGER).withDefault("3"));
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    String token = context.configuration().require("token");
    String greeting = context.configuration().value("greeting").orElse("hello");
    context
        .logger()
        .log(System.Logger.Level.INFO, "checking a token of {0} characters", token.length());
    return ToolResult.text(greeting + ", the token has " + token.length() + " characters");
  }
}

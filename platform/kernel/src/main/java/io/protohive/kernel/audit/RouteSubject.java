package io.protohive.kernel.audit;

import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request or a page is about, read off its route template in the audit's form ({@code
 * /organizations/{id}/files}) and the values of its parameters: the organization the route names,
 * and its innermost id as the target ({@code /agents/{agentId}} is about the agent).
 */
public record RouteSubject(UUID organizationId, String target) {

  private static final Pattern PARAMETER = Pattern.compile("\\{(\\w[\\w.-]*)}");

  /**
   * @param route the template, its parameters written {@code {name}}
   * @param parameter a parameter's value by name, {@code null} when the route has none by it
   */
  public static RouteSubject of(String route, Function<String, String> parameter) {
    String target = null;
    Matcher matcher = PARAMETER.matcher(route);
    while (matcher.find()) {
      target = parameter.apply(matcher.group(1));
    }
    String organization = parameter.apply("organizationId");
    if (organization == null && route.contains("/organizations/{id}")) {
      organization = parameter.apply("id");
    }
    return new RouteSubject(uuid(organization), target);
  }

  private static UUID uuid(String id) {
    try {
      return id == null ? null : UUID.fromString(id);
    } catch (IllegalArgumentException notAnId) {
      return null;
    }
  }
}

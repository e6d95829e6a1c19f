package io.protohive.plugins.http;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.HostPattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's configuration of the plugin, parsed once per call. Both tools share it, so the keys,
 * the form the tenant fills in and the parsing live here together.
 *
 * @param allowedHosts the hosts the tools may call at all; the host's own HTTP client adds its
 *     guard against internal addresses
 * @param maxResponseBytes how much of a response body is read
 * @param timeout how long one request may take, redirects counted separately
 */
record Settings(List<HostPattern> allowedHosts, int maxResponseBytes, Duration timeout) {

  static final String ALLOWED_HOSTS = "allowedHosts";
  static final String MAX_RESPONSE_BYTES = "maxResponseBytes";
  static final String TIMEOUT_SECONDS = "timeoutSeconds";

  private static final int DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;
  private static final int DEFAULT_TIMEOUT_SECONDS = 10;

  /** The form a tenant fills in, shared by {@code http.get} and {@code http.post}. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ConfigurationProperty.of(ALLOWED_HOSTS, "Allowed hosts", ConfigurationType.LIST)
              .asRequired()
              .withHelp(
                  "The hosts agents may call, one per line: api.example.com, or *.example.org for"
                      + " every subdomain of example.org (not example.org itself). Add :port, as"
                      + " in api.example.com:8443, to allow only that port; a line without a port"
                      + " allows every port. Only http and https URLs are called, and never"
                      + " internal addresses unless the platform's operator allows the host."),
          ConfigurationProperty.of(
                  MAX_RESPONSE_BYTES, "Maximum response size (bytes)", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_MAX_RESPONSE_BYTES))
              .withHelp("Longer response bodies are cut off there and marked as truncated."),
          ConfigurationProperty.of(TIMEOUT_SECONDS, "Timeout (seconds)", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_TIMEOUT_SECONDS))
              .withHelp(
                  "How long one request may take; never longer than the agent's own deadline."));

  /** Parses the configuration, explaining what is wrong in terms the tenant's admin can fix. */
  static Settings from(Configuration configuration) throws ToolFailure {
    List<HostPattern> allowed = patterns(configuration, ALLOWED_HOSTS);
    if (allowed.isEmpty()) {
      throw new ToolFailure(
          "No host is allowed yet: an administrator must list hosts under " + ALLOWED_HOSTS + ".");
    }
    return new Settings(
        allowed,
        positive(configuration, MAX_RESPONSE_BYTES, DEFAULT_MAX_RESPONSE_BYTES),
        Duration.ofSeconds(positive(configuration, TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)));
  }

  private static List<HostPattern> patterns(Configuration configuration, String key)
      throws ToolFailure {
    List<HostPattern> patterns = new ArrayList<>();
    for (String line : configuration.list(key)) {
      try {
        patterns.add(HostPattern.parse(line));
      } catch (IllegalArgumentException e) {
        throw new ToolFailure(
            "The setting "
                + key
                + " has an invalid line '"
                + line
                + "'; use host, *.domain or host:port.");
      }
    }
    return List.copyOf(patterns);
  }

  private static int positive(Configuration configuration, String key, int defaultValue)
      throws ToolFailure {
    int value;
    try {
      value = configuration.integer(key, defaultValue);
    } catch (NumberFormatException e) {
      value = 0; // as unusable as a negative number, and reported the same way
    }
    if (value <= 0) {
      throw new ToolFailure("The setting " + key + " must be a positive whole number.");
    }
    return value;
  }
}

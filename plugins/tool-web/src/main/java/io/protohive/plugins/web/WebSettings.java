package io.protohive.plugins.web;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's configuration of the plugin, parsed once per call. Both tools share it, so the keys,
 * the form and the parsing live here together.
 *
 * @param configuration the configuration, for the search settings only {@code web.search} needs
 * @param maxResults how many results a search gives unless the call asks for fewer
 * @param timeout how long one request may take
 * @param maxPageBytes how much of a page is downloaded
 * @param maxTextChars how much of a page's text is returned
 */
record WebSettings(
    Configuration configuration,
    int maxResults,
    Duration timeout,
    int maxPageBytes,
    int maxTextChars) {

  static final ConfigurationProperty PROVIDER =
      ConfigurationProperty.of("provider", "Search provider", ConfigurationType.STRING)
          .withDefault("searxng")
          .withHelp(
              "searxng (a self-hosted SearXNG with the json format enabled), brave (Brave Search"
                  + " API) or tavily (Tavily).");
  static final ConfigurationProperty BASE_URL =
      ConfigurationProperty.of("baseUrl", "Provider URL", ConfigurationType.URL)
          .withHelp(
              "Where the provider answers, such as https://search.example.com for SearXNG."
                  + " Required for SearXNG; Brave Search and Tavily default to their public API.");
  static final ConfigurationProperty API_KEY =
      ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING)
          .asSecret()
          .withHelp("The provider's key: required for Brave Search and Tavily.");
  static final ConfigurationProperty MAX_RESULTS =
      ConfigurationProperty.of("maxResults", "Results per search", ConfigurationType.INTEGER)
          .withDefault("5")
          .withHelp("How many results a search returns unless the agent asks for fewer (1-20).");
  static final ConfigurationProperty TIMEOUT_SECONDS =
      ConfigurationProperty.of("timeoutSeconds", "Timeout (seconds)", ConfigurationType.INTEGER)
          .withDefault("10")
          .withHelp("How long one request may take; never longer than the agent's own deadline.");
  static final ConfigurationProperty MAX_PAGE_BYTES =
      ConfigurationProperty.of(
              "maxPageBytes", "Maximum page size (bytes)", ConfigurationType.INTEGER)
          .withDefault("2097152")
          .withHelp("How much of a page is downloaded; the rest is not read.");
  static final ConfigurationProperty MAX_TEXT_CHARS =
      ConfigurationProperty.of(
              "maxTextChars", "Maximum text length (characters)", ConfigurationType.INTEGER)
          .withDefault("20000")
          .withHelp("How much of a page's readable text an agent gets; longer text is cut off.");

  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          PROVIDER,
          BASE_URL,
          API_KEY,
          MAX_RESULTS,
          TIMEOUT_SECONDS,
          MAX_PAGE_BYTES,
          MAX_TEXT_CHARS);

  static final int MOST_RESULTS = 20;

  /** Parses the configuration, explaining what is wrong in terms the tenant's admin can fix. */
  static WebSettings from(Configuration configuration) throws ToolFailure {
    return new WebSettings(
        configuration,
        Math.min(positive(configuration, MAX_RESULTS), MOST_RESULTS),
        Duration.ofSeconds(positive(configuration, TIMEOUT_SECONDS)),
        positive(configuration, MAX_PAGE_BYTES),
        positive(configuration, MAX_TEXT_CHARS));
  }

  /** The search provider and how to reach it, explaining what is missing. */
  Search search() throws ToolFailure {
    SearchProvider provider = SearchProvider.named(configuration.text(PROVIDER));
    String baseUrl =
        Optional.ofNullable(configuration.text(BASE_URL))
            .or(provider::defaultBaseUrl)
            .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
            .orElse(null);
    if (baseUrl == null) {
      throw new ToolFailure(
          "No search provider URL is set: an administrator must set "
              + BASE_URL.key()
              + " to the "
              + provider.label()
              + " address.");
    }
    try {
      URI parsed = new URI(baseUrl);
      if (parsed.getScheme() == null || parsed.getHost() == null) {
        throw new URISyntaxException(baseUrl, "not absolute");
      }
    } catch (URISyntaxException e) {
      throw new ToolFailure("The setting " + BASE_URL.key() + " is not an absolute URL.");
    }
    Optional<String> apiKey = configuration.value(API_KEY.key()).map(String::trim);
    if (provider.needsKey() && apiKey.isEmpty()) {
      throw new ToolFailure(
          provider.label() + " needs an API key: an administrator must set " + API_KEY.key() + ".");
    }
    return new Search(provider, baseUrl, apiKey);
  }

  /**
   * Where searches go.
   *
   * @param provider the search provider
   * @param baseUrl where it answers, without a trailing slash
   * @param apiKey its key; empty for a SearXNG without one
   */
  record Search(SearchProvider provider, String baseUrl, Optional<String> apiKey) {

    @Override
    public String toString() {
      return "Search[" + provider + ", " + baseUrl + "]"; // never the key
    }
  }

  private static int positive(Configuration configuration, ConfigurationProperty property)
      throws ToolFailure {
    int value;
    try {
      value = configuration.integer(property);
    } catch (NumberFormatException e) {
      value = 0; // as unusable as a negative number, and reported the same way
    }
    if (value <= 0) {
      throw new ToolFailure("The setting " + property.key() + " must be a positive whole number.");
    }
    return value;
  }
}

package io.protohive.kernel.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.platform.Rejection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the declarative tenants in a folder of YAML files, one tenant a file. Nothing is returned
 * unless every file is valid, so a broken file never half-applies.
 */
public final class TenantsConfigReader {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern DOMAIN =
      Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}");

  private final ObjectMapper yaml =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** The file's fields; absent booleans take the safe side. */
  private record TenantFile(
      @JsonProperty("slug") String slug,
      @JsonProperty("name") String name,
      @JsonProperty("allowedEmailDomains") List<String> allowedEmailDomains,
      @JsonProperty("selfSignup") Boolean selfSignup,
      @JsonProperty("emailVerification") Boolean emailVerification,
      @JsonProperty("admins") List<String> admins,
      @JsonProperty("oidcProviders") List<OidcProviderDefinition> oidcProviders) {}

  /**
   * Reads every {@code *.yaml} and {@code *.yml} file of {@code folder}.
   *
   * @throws InvalidTenantsConfigException naming the first bad file and field
   */
  public List<TenantDefinition> read(Path folder) throws InvalidTenantsConfigException {
    if (!Files.isDirectory(folder)) {
      throw new InvalidTenantsConfigException(
          "tenants-config folder " + folder + " does not exist; set PROTOHIVE_TENANTS_DIR");
    }
    List<TenantDefinition> tenants = new ArrayList<>();
    Map<String, Path> slugs = new HashMap<>();
    for (Path file : yamlFiles(folder)) {
      TenantDefinition tenant = readFile(file);
      Path earlier = slugs.putIfAbsent(tenant.slug(), file);
      if (earlier != null) {
        throw invalid(file, "slug", "'" + tenant.slug() + "' is already declared in " + earlier);
      }
      tenants.add(tenant);
    }
    return tenants;
  }

  private static List<Path> yamlFiles(Path folder) throws InvalidTenantsConfigException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new InvalidTenantsConfigException(
          "tenants-config folder " + folder + " cannot be read: " + e.getMessage());
    }
  }

  TenantDefinition readFile(Path file) throws InvalidTenantsConfigException {
    String content;
    try {
      content = Files.readString(file);
    } catch (IOException e) {
      throw new InvalidTenantsConfigException(file + ": cannot be read: " + e.getMessage());
    }
    if (content.isBlank()) {
      throw new InvalidTenantsConfigException(file + ": the file is empty");
    }
    try {
      return validate(file, yaml.readValue(content, TenantFile.class));
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        throw notYaml(file, e);
      }
      throw invalid(file, fieldOf(e), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw notYaml(file, e);
    }
  }

  private static InvalidTenantsConfigException notYaml(Path file, IOException e) {
    return new InvalidTenantsConfigException(
        file + ": not a YAML mapping of tenant fields: " + firstLine(e.getMessage()));
  }

  private static TenantDefinition validate(Path file, TenantFile parsed)
      throws InvalidTenantsConfigException {
    if (parsed.slug() == null || !SLUG.matcher(parsed.slug()).matches()) {
      throw invalid(
          file,
          "slug",
          "must be 1 to 63 lower-case letters, digits or inner hyphens, was "
              + quote(parsed.slug()));
    }
    if (parsed.name() == null || parsed.name().isBlank() || parsed.name().length() > 200) {
      throw invalid(file, "name", "must be 1 to 200 characters, was " + quote(parsed.name()));
    }
    List<String> domains = new ArrayList<>();
    for (String domain :
        parsed.allowedEmailDomains() == null ? List.<String>of() : parsed.allowedEmailDomains()) {
      String normalized = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
      if (!DOMAIN.matcher(normalized).matches()) {
        throw invalid(file, "allowedEmailDomains", quote(domain) + " is not a domain name");
      }
      domains.add(normalized);
    }
    List<String> admins = new ArrayList<>();
    for (String admin : parsed.admins() == null ? List.<String>of() : parsed.admins()) {
      try {
        admins.add(Credentials.normalizeEmail(admin));
      } catch (Rejection invalid) {
        throw invalid(file, "admins", quote(admin) + " is not an email address");
      }
    }
    List<OidcProviderDefinition> providers =
        parsed.oidcProviders() == null ? List.of() : List.copyOf(parsed.oidcProviders());
    for (int i = 0; i < providers.size(); i++) {
      validateProvider(file, "oidcProviders[" + i + "]", providers.get(i));
    }
    return new TenantDefinition(
        parsed.slug(),
        parsed.name().strip(),
        List.copyOf(domains),
        Boolean.TRUE.equals(parsed.selfSignup()),
        !Boolean.FALSE.equals(parsed.emailVerification()),
        List.copyOf(admins),
        providers);
  }

  private static void validateProvider(Path file, String field, OidcProviderDefinition provider)
      throws InvalidTenantsConfigException {
    if (provider == null || provider.id() == null || !SLUG.matcher(provider.id()).matches()) {
      throw invalid(file, field + ".id", "must be lower-case letters, digits or inner hyphens");
    }
    if (provider.name() == null || provider.name().isBlank()) {
      throw invalid(file, field + ".name", "names the provider on the sign-in button");
    }
    if (provider.clientId() == null || provider.clientId().isBlank()) {
      throw invalid(file, field + ".clientId", "is the client id registered at the provider");
    }
    URI issuer;
    try {
      issuer = new URI(provider.issuer() == null ? "" : provider.issuer());
    } catch (URISyntaxException e) {
      throw invalid(file, field + ".issuer", "is not a URL");
    }
    boolean loopback = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost());
    if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && loopback)) {
      throw invalid(
          file, field + ".issuer", "must be an https URL (plain http only on this machine)");
    }
  }

  private static InvalidTenantsConfigException invalid(Path file, String field, String problem) {
    return new InvalidTenantsConfigException(file + ": field '" + field + "' " + problem);
  }

  private static String fieldOf(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}

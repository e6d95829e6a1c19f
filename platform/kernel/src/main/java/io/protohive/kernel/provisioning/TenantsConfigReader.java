package io.protohive.kernel.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.organization.OrganizationTemplate;
import io.protohive.kernel.organization.OrganizationTemplate.TemplateAgent;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantRateLimits;
import io.protohive.kernel.tenancy.TenantRetention;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the declarative tenants in a folder of YAML files, one tenant a file. Nothing is returned
 * unless every file is valid, so a broken file never half-applies.
 */
public final class TenantsConfigReader {

  private static final int MAX_ROUTE_STEPS = 5;
  private static final int MAX_PER_MINUTE = 1_000_000;
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

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
      @JsonProperty("oidcProviders") List<OidcProviderDefinition> oidcProviders,
      @JsonProperty("rateLimits") RateLimitsFile rateLimits,
      @JsonProperty("files") FilesFile files,
      @JsonProperty("routines") RoutinesFile routines,
      @JsonProperty("retention") RetentionFile retention,
      @JsonProperty("plugins") LinkedHashMap<String, PluginFile> plugins,
      @JsonProperty("llm") LlmFile llm,
      @JsonProperty("approvalTools") List<String> approvalTools,
      @JsonProperty("organizationTemplates") List<OrganizationTemplate> organizationTemplates) {}

  private record PluginFile(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("config") LinkedHashMap<String, DeclaredValue> config) {}

  private record LlmFile(
      @JsonProperty("route") List<RouteStepFile> route,
      @JsonProperty("budgets") BudgetsFile budgets) {}

  private record RouteStepFile(
      @JsonProperty("provider") String provider, @JsonProperty("model") String model) {}

  private record RateLimitsFile(
      @JsonProperty("user") Integer user,
      @JsonProperty("tenant") Integer tenant,
      @JsonProperty("llm") Integer llm) {}

  private record FilesFile(
      @JsonProperty("quotaBytes") Long quotaBytes, @JsonProperty("store") String store) {}

  private record RoutinesFile(@JsonProperty("minIntervalMinutes") Integer minIntervalMinutes) {}

  private record RetentionFile(
      @JsonProperty("messagesDays") Integer messagesDays,
      @JsonProperty("eventsDays") Integer eventsDays,
      @JsonProperty("auditDays") Integer auditDays,
      @JsonProperty("filesDays") Integer filesDays,
      @JsonProperty("usageDays") Integer usageDays) {}

  private record BudgetsFile(@JsonProperty("tenant") BudgetFile tenant) {}

  private record BudgetFile(
      @JsonProperty("unit") String unit,
      @JsonProperty("amount") Long amount,
      @JsonProperty("softPercent") Integer softPercent) {}

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
        throw tenant
            .file()
            .invalid("slug", "'" + tenant.slug() + "' is already declared in " + earlier);
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

  TenantDefinition readFile(Path path) throws InvalidTenantsConfigException {
    String content;
    try {
      content = Files.readString(path);
    } catch (IOException e) {
      throw new InvalidTenantsConfigException(path + ": cannot be read: " + e.getMessage());
    }
    if (content.isBlank()) {
      throw new InvalidTenantsConfigException(path + ": the file is empty");
    }
    TenantsConfigFile file;
    try (JsonParser parser = yaml.createParser(content)) {
      file = TenantsConfigFile.locate(path, parser);
    } catch (IOException e) {
      throw notYaml(path, e);
    }
    try {
      return validate(file, yaml.readValue(content, TenantFile.class));
    } catch (JsonMappingException e) {
      if (e.getPath().isEmpty()) {
        throw notYaml(path, e);
      }
      throw file.invalid(fieldOf(e), firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw notYaml(path, e);
    }
  }

  private static InvalidTenantsConfigException notYaml(Path path, IOException e) {
    String line =
        e instanceof JsonProcessingException parsing && parsing.getLocation() != null
            ? ":" + parsing.getLocation().getLineNr()
            : "";
    String message =
        e instanceof JsonProcessingException parsing
            ? parsing.getOriginalMessage()
            : e.getMessage();
    return new InvalidTenantsConfigException(
        path + line + ": not a YAML mapping of tenant fields: " + firstLine(message));
  }

  private static TenantDefinition validate(TenantsConfigFile file, TenantFile parsed)
      throws InvalidTenantsConfigException {
    if (parsed.slug() == null || !TenantFields.SLUG.matcher(parsed.slug()).matches()) {
      throw file.invalid(
          "slug",
          "must be 1 to 63 lower-case letters, digits or inner hyphens, was "
              + quote(parsed.slug()));
    }
    if (parsed.name() == null || parsed.name().isBlank() || parsed.name().length() > 200) {
      throw file.invalid("name", "must be 1 to 200 characters, was " + quote(parsed.name()));
    }
    List<String> domains = new ArrayList<>();
    List<String> declaredDomains = orEmpty(parsed.allowedEmailDomains());
    for (int i = 0; i < declaredDomains.size(); i++) {
      String domain = declaredDomains.get(i);
      Optional<String> normalized = TenantFields.domain(domain);
      if (normalized.isEmpty()) {
        throw file.invalid(
            "allowedEmailDomains[" + i + "]", quote(domain) + " is not a domain name");
      }
      domains.add(normalized.get());
    }
    List<String> admins = new ArrayList<>();
    List<String> declaredAdmins = orEmpty(parsed.admins());
    for (int i = 0; i < declaredAdmins.size(); i++) {
      try {
        admins.add(Credentials.normalizeEmail(declaredAdmins.get(i)));
      } catch (Rejection invalid) {
        throw file.invalid(
            "admins[" + i + "]", quote(declaredAdmins.get(i)) + " is not an email address");
      }
    }
    List<OidcProviderDefinition> providers = List.copyOf(orEmpty(parsed.oidcProviders()));
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
        providers,
        rateLimits(file, parsed.rateLimits()),
        files(file, parsed.files()),
        routineMinInterval(file, parsed.routines()),
        retention(file, parsed.retention()),
        new DeclaredSettings(
            plugins(file, parsed.plugins()),
            route(file, parsed.llm() == null ? null : parsed.llm().route()),
            tenantBudget(
                file,
                parsed.llm() == null || parsed.llm().budgets() == null
                    ? null
                    : parsed.llm().budgets().tenant()),
            approvalTools(file, parsed.approvalTools()),
            templates(file, orEmpty(parsed.organizationTemplates()))),
        file);
  }

  private static Map<String, DeclaredPlugin> plugins(
      TenantsConfigFile file, Map<String, PluginFile> declared)
      throws InvalidTenantsConfigException {
    Map<String, DeclaredPlugin> plugins = new LinkedHashMap<>();
    if (declared == null) {
      return plugins;
    }
    for (Map.Entry<String, PluginFile> entry : declared.entrySet()) {
      PluginFile plugin = entry.getValue() == null ? new PluginFile(null, null) : entry.getValue();
      Map<String, DeclaredValue> config = new LinkedHashMap<>();
      if (plugin.config() != null) {
        for (Map.Entry<String, DeclaredValue> setting : plugin.config().entrySet()) {
          if (setting.getValue() == null) {
            throw file.invalid(
                "plugins." + entry.getKey() + ".config." + setting.getKey(),
                "has no value; leave the setting out instead");
          }
          config.put(setting.getKey(), setting.getValue());
        }
      }
      plugins.put(
          entry.getKey(),
          new DeclaredPlugin(
              !Boolean.FALSE.equals(plugin.enabled()), Collections.unmodifiableMap(config)));
    }
    return Collections.unmodifiableMap(plugins);
  }

  private static List<RouteStep> route(TenantsConfigFile file, List<RouteStepFile> declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return List.of();
    }
    if (declared.isEmpty() || declared.size() > MAX_ROUTE_STEPS) {
      throw file.invalid("llm.route", "must list one to five provider/model pairs, primary first");
    }
    List<RouteStep> route = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      RouteStepFile step = declared.get(i);
      String field = "llm.route[" + i + "]";
      if (step == null || step.provider() == null || step.provider().isBlank()) {
        throw file.invalid(field + ".provider", "names the provider of the step");
      }
      if (step.model() == null || step.model().isBlank()) {
        throw file.invalid(field + ".model", "names the model of the step");
      }
      route.add(new RouteStep(step.provider().strip(), step.model().strip()));
    }
    return List.copyOf(route);
  }

  private static Optional<DeclaredBudget> tenantBudget(TenantsConfigFile file, BudgetFile declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return Optional.empty();
    }
    String field = "llm.budgets.tenant";
    String unit = declared.unit() == null ? "" : declared.unit().strip().toUpperCase(Locale.ROOT);
    if (!unit.equals("TOKENS") && !unit.equals("MICROS")) {
      throw file.invalid(
          field + ".unit", "must be TOKENS or MICROS, was " + quote(declared.unit()));
    }
    if (declared.amount() == null || declared.amount() < 0) {
      throw file.invalid(
          field + ".amount", "must be a limit of at least 0, was " + declared.amount());
    }
    int soft = declared.softPercent() == null ? 80 : declared.softPercent();
    if (soft < 1 || soft > 100) {
      throw file.invalid(field + ".softPercent", "is a percentage, 1 to 100, was " + soft);
    }
    return Optional.of(new DeclaredBudget(unit, declared.amount(), soft));
  }

  private static TenantRateLimits rateLimits(TenantsConfigFile file, RateLimitsFile declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return TenantRateLimits.NONE;
    }
    return new TenantRateLimits(
        perMinute(file, "rateLimits.user", declared.user()),
        perMinute(file, "rateLimits.tenant", declared.tenant()),
        perMinute(file, "rateLimits.llm", declared.llm()));
  }

  private static Integer routineMinInterval(TenantsConfigFile file, RoutinesFile declared)
      throws InvalidTenantsConfigException {
    if (declared == null || declared.minIntervalMinutes() == null) {
      return null;
    }
    if (declared.minIntervalMinutes() < 1) {
      throw file.invalid(
          "routines.minIntervalMinutes",
          "is a number of minutes, at least 1, was " + declared.minIntervalMinutes());
    }
    return declared.minIntervalMinutes();
  }

  private static TenantRetention retention(TenantsConfigFile file, RetentionFile declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return TenantRetention.DEFAULTS;
    }
    return new TenantRetention(
        days(file, "retention.messagesDays", declared.messagesDays()),
        days(file, "retention.eventsDays", declared.eventsDays()),
        days(file, "retention.auditDays", declared.auditDays()),
        days(file, "retention.filesDays", declared.filesDays()),
        days(file, "retention.usageDays", declared.usageDays()));
  }

  private static Integer days(TenantsConfigFile file, String field, Integer days)
      throws InvalidTenantsConfigException {
    if (days != null && days < 1) {
      throw file.invalid(field, "is a number of days, at least 1, was " + days);
    }
    return days;
  }

  /** The store's name is checked against the platform's stores when the file is applied. */
  private static TenantFileSettings files(TenantsConfigFile file, FilesFile declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return TenantFileSettings.DEFAULTS;
    }
    if (declared.quotaBytes() != null && declared.quotaBytes() < 1) {
      throw file.invalid(
          "files.quotaBytes", "is a number of bytes, at least 1, was " + declared.quotaBytes());
    }
    String store = declared.store() == null ? null : declared.store().strip();
    if (store != null && store.isEmpty()) {
      throw file.invalid("files.store", "names a file store such as disk or s3");
    }
    return new TenantFileSettings(declared.quotaBytes(), store);
  }

  private static Integer perMinute(TenantsConfigFile file, String field, Integer declared)
      throws InvalidTenantsConfigException {
    if (declared != null && (declared < 1 || declared > MAX_PER_MINUTE)) {
      throw file.invalid(
          field, "is a number per minute, 1 to " + MAX_PER_MINUTE + ", was " + declared);
    }
    return declared;
  }

  private static Optional<List<String>> approvalTools(TenantsConfigFile file, List<String> declared)
      throws InvalidTenantsConfigException {
    if (declared == null) {
      return Optional.empty();
    }
    for (int i = 0; i < declared.size(); i++) {
      String tool = declared.get(i);
      if (tool == null || !ToolApprovals.TOOL_ID.matcher(tool).matches()) {
        throw file.invalid("approvalTools[" + i + "]", "is not a tool id like clock.now");
      }
    }
    return Optional.of(List.copyOf(declared));
  }

  private static List<OrganizationTemplate> templates(
      TenantsConfigFile file, List<OrganizationTemplate> declared)
      throws InvalidTenantsConfigException {
    Set<String> ids = new HashSet<>(OrganizationTemplates.SHIPPED);
    for (int i = 0; i < declared.size(); i++) {
      OrganizationTemplate template = declared.get(i);
      String field = "organizationTemplates[" + i + "]";
      if (template == null
          || template.id() == null
          || !TenantFields.SLUG.matcher(template.id()).matches()) {
        throw file.invalid(field + ".id", "must be lower-case letters, digits or inner hyphens");
      }
      if (!ids.add(template.id())) {
        throw file.invalid(
            field + ".id", "'" + template.id() + "' is already the id of another template");
      }
      if (template.name() == null || template.name().isBlank()) {
        throw file.invalid(field + ".name", "names the template where organizations are created");
      }
      Set<String> keys = new HashSet<>();
      List<TemplateAgent> agents = orEmpty(template.agents());
      for (int a = 0; a < agents.size(); a++) {
        TemplateAgent agent = agents.get(a);
        String agentField = field + ".agents[" + a + "]";
        if (agent == null || agent.key() == null || agent.key().isBlank()) {
          throw file.invalid(agentField + ".key", "names the agent within the template");
        }
        if (agent.name() == null || agent.name().isBlank()) {
          throw file.invalid(agentField + ".name", "is the agent's name");
        }
        if (agent.role() == null || agent.role().isBlank()) {
          throw file.invalid(agentField + ".role", "is the agent's role");
        }
        if (agent.persona() == null || agent.persona().isBlank()) {
          throw file.invalid(agentField + ".persona", "tells the agent who it is");
        }
        if (agent.color() == null || !COLOR.matcher(agent.color()).matches()) {
          throw file.invalid(agentField + ".color", "is the agent's colour, #rrggbb");
        }
        if (agent.manager() != null && !keys.contains(agent.manager())) {
          throw file.invalid(
              agentField + ".manager",
              "'" + agent.manager() + "' is not the key of an agent listed before it");
        }
        if (!keys.add(agent.key())) {
          throw file.invalid(agentField + ".key", "'" + agent.key() + "' is used twice");
        }
      }
    }
    return List.copyOf(declared);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static void validateProvider(
      TenantsConfigFile file, String field, OidcProviderDefinition provider)
      throws InvalidTenantsConfigException {
    if (provider == null
        || provider.id() == null
        || !TenantFields.SLUG.matcher(provider.id()).matches()) {
      throw file.invalid(field + ".id", "must be lower-case letters, digits or inner hyphens");
    }
    if (provider.name() == null || provider.name().isBlank()) {
      throw file.invalid(field + ".name", "names the provider on the sign-in button");
    }
    if (provider.clientId() == null || provider.clientId().isBlank()) {
      throw file.invalid(field + ".clientId", "is the client id registered at the provider");
    }
    URI issuer;
    try {
      issuer = new URI(provider.issuer() == null ? "" : provider.issuer());
    } catch (URISyntaxException e) {
      throw file.invalid(field + ".issuer", "is not a URL");
    }
    boolean loopback = "localhost".equals(issuer.getHost()) || "127.0.0.1".equals(issuer.getHost());
    if (!"https".equals(issuer.getScheme()) && !("http".equals(issuer.getScheme()) && loopback)) {
      throw file.invalid(
          field + ".issuer", "must be an https URL (plain http only on this machine)");
    }
  }

  private static String fieldOf(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}

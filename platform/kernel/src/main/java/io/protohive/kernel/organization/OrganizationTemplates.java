package io.protohive.kernel.organization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The organization templates that ship with the platform, read once from the kernel's resources.
 */
@ApplicationScoped
public class OrganizationTemplates {

  static final List<String> FILES =
      List.of("software-startup", "marketing-agency", "customer-support");

  private final List<OrganizationTemplate> templates = load();

  public List<OrganizationTemplate> all() {
    return templates;
  }

  public Optional<OrganizationTemplate> byId(String id) {
    return templates.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  static List<OrganizationTemplate> load() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return FILES.stream()
        .map(
            file -> {
              String path = "/organization-templates/" + file + ".yaml";
              try (InputStream in = OrganizationTemplates.class.getResourceAsStream(path)) {
                if (in == null) {
                  throw new IllegalStateException("the template " + path + " is missing");
                }
                return yaml.readValue(in, OrganizationTemplate.class);
              } catch (IOException e) {
                throw new UncheckedIOException("the template " + path + " is unreadable", e);
              }
            })
        .toList();
  }
}

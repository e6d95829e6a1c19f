package io.protohive.kernel.organization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization templates a tenant's people start from: those that ship with the platform, read
 * once from the kernel's resources, then those the tenant's tenants-config file adds.
 */
@ApplicationScoped
public class OrganizationTemplates {

  /** The ids of the shipped templates, each read from the file of that name. */
  public static final List<String> SHIPPED =
      List.of("software-startup", "marketing-agency", "customer-support");

  private static final ObjectMapper JSON = new ObjectMapper();

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  private final List<OrganizationTemplate> shipped = load();

  /** The shipped templates, then the tenant's own; only the shipped ones outside a tenant. */
  @Transactional
  @InTenant
  public List<OrganizationTemplate> forTenant(@TenantId UUID tenantId) {
    if (tenantId == null) {
      return shipped;
    }
    List<String> definitions =
        entityManager
            .createNativeQuery(
                "select definition::text from tenant_organization_template order by position")
            .getResultList();
    List<OrganizationTemplate> templates = new ArrayList<>(shipped);
    for (String definition : definitions) {
      try {
        templates.add(JSON.readValue(definition, OrganizationTemplate.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a stored organization template is unreadable", e);
      }
    }
    return List.copyOf(templates);
  }

  @Transactional
  @InTenant
  public Optional<OrganizationTemplate> byId(@TenantId UUID tenantId, String id) {
    return forTenant(tenantId).stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Makes the tenant's own templates those its tenants-config file declares. The caller brings the
   * transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void applyDeclared(@TenantId UUID tenantId, List<OrganizationTemplate> templates) {
    entityManager.createNativeQuery("delete from tenant_organization_template").executeUpdate();
    for (int i = 0; i < templates.size(); i++) {
      String definition;
      try {
        definition = JSON.writeValueAsString(templates.get(i));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("an organization template cannot be stored", e);
      }
      entityManager
          .createNativeQuery(
              "insert into tenant_organization_template (tenant_id, id, position, definition)"
                  + " values (?1, ?2, ?3, cast(?4 as jsonb))")
          .setParameter(1, tenantId)
          .setParameter(2, templates.get(i).id())
          .setParameter(3, i)
          .setParameter(4, definition)
          .executeUpdate();
    }
  }

  static List<OrganizationTemplate> load() {
    ObjectMapper yaml =
        new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    return SHIPPED.stream()
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

package io.protohive.rest.agent;

import io.protohive.kernel.organization.OrganizationTemplate;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.rest.PageResponse;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organizations to start from, with their agents. */
@Path("organization-templates")
@Tag(name = "Organizations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

  @Inject OrganizationTemplates templates;
  @Inject SignedIn signedIn;

  @GET
  @Operation(
      summary = "The organization templates",
      description =
          "The shipped templates, then those the tenant's tenants-config file adds. Create an"
              + " organization from one with POST /api/v1/organizations {name, template: id}.")
  public PageResponse<OrganizationTemplate> list(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        templates.forTenant(signedIn.caller().tenantId()), OrganizationTemplate::id, limit, cursor);
  }
}

package io.protohive.rest.platform;

import io.protohive.kernel.audit.AuditEntry;
import io.protohive.kernel.audit.AuditFilter;
import io.protohive.kernel.audit.AuditVerification;
import io.protohive.kernel.identity.AuditTrail;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.rest.PageResponse;
import io.protohive.rest.audit.AuditExport;
import io.protohive.rest.audit.AuditQuery;
import io.protohive.rest.auth.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's own audit trail (entries of no tenant: platform admins' requests and actions,
 * sign-ins without a tenant), for platform admins, with the tenant audit pages' filters.
 */
@Path("platform/audit")
@Tag(name = "Platform administration")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlatformAuditResource {

  @Inject AuditTrail auditTrail;
  @Inject SignedIn signedIn;

  @GET
  @Operation(summary = "The platform's audit trail, newest first, in pages")
  public PageResponse<AuditEntry> audit(
      @BeanParam AuditQuery query,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        auditTrail.ofPlatform(signedIn.caller(), query.filter(), PageRequest.of(limit, cursor)));
  }

  @GET
  @Path("export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The platform's audit trail as a file, newest first",
      description = "format=csv (the default) or json; the audit page's filters apply.")
  public Response export(
      @BeanParam AuditQuery query, @QueryParam("format") @DefaultValue("csv") String format) {
    Caller caller = signedIn.caller();
    AuditFilter filter = query.filter();
    return AuditExport.of(
        format,
        cursor -> auditTrail.ofPlatform(caller, filter, PageRequest.of(Page.MAX_LIMIT, cursor)));
  }

  @GET
  @Path("verification")
  @Operation(summary = "Recompute the platform's audit chain")
  public AuditVerification verify() {
    return auditTrail.verifyPlatform(signedIn.caller());
  }
}

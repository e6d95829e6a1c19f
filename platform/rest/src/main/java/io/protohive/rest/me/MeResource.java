package io.protohive.rest.me;

import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person. */
@Path("me")
@Tag(name = "Authentication")
@RequestScoped
@RolesAllowed(AccessTokens.USER)
public class MeResource {

  @Inject JsonWebToken caller;
  @Inject AccountService accounts;
  @Inject TenantDirectory tenants;

  /** The caller's account and tenant. */
  public record Me(
      UUID id,
      String email,
      String displayName,
      TenantSummary tenant,
      List<String> roles,
      boolean platformAdmin) {}

  /** A tenant by id, slug and name. */
  public record TenantSummary(UUID id, String slug, String name) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Who the access token belongs to")
  public Me me() {
    UserAccount account =
        accounts
            .byId(UUID.fromString(caller.getSubject()))
            .filter(a -> !a.isDisabled())
            .orElseThrow(
                () -> Rejection.of(Rejection.Kind.UNAUTHENTICATED, "This account is gone."));
    TenantSummary tenant =
        tenants
            .byId(account.tenantId())
            .map(t -> new TenantSummary(t.id(), t.slug(), t.name()))
            .orElse(null);
    return new Me(
        account.id(),
        account.email(),
        account.displayName(),
        tenant,
        List.copyOf(caller.getGroups()),
        account.isPlatformAdmin());
  }
}

package io.protohive.kernel.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.TenantAdministration;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues the short-lived access tokens (RS256 JWTs) that authenticate API calls. */
@ApplicationScoped
public class AccessTokens {

  public static final Duration LIFETIME = Duration.ofMinutes(15);
  public static final String ISSUER = "protohive";
  public static final String AUDIENCE = "protohive-api";
  public static final String TENANT_CLAIM = "tenant_id";

  /** The account's session generation when the token was issued (see {@link AccountStandings}). */
  public static final String GENERATION_CLAIM = "session_generation";

  /** Every signed-in person has this role; platform admins also have {@link #PLATFORM_ADMIN}. */
  public static final String USER = "user";

  public static final String PLATFORM_ADMIN = "platform-admin";

  /** Declared a tenant's admin in tenants-config. */
  public static final String TENANT_ADMIN = "tenant-admin";

  @Inject SigningKeys keys;
  @Inject AccountStandings standings;

  /** A token and when it expires. */
  public record Issued(String token, Instant expiresAt) {}

  public Issued issue(UserAccount user, Tenant tenant) {
    Instant now = Instant.now();
    Instant expiresAt = now.plus(LIFETIME);
    List<String> groups = new ArrayList<>(List.of(USER));
    if (user.isPlatformAdmin()) {
      groups.add(PLATFORM_ADMIN);
    }
    if (tenant != null && TenantAdministration.administers(user, tenant)) {
      groups.add(TENANT_ADMIN);
    }
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(user.id().toString())
            .claim("upn", user.email())
            .claim("groups", groups)
            .claim(GENERATION_CLAIM, standings.of(user.id()).generation())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt));
    if (tenant != null) {
      claims.claim(TENANT_CLAIM, tenant.id().toString()).claim("tenant", tenant.slug());
    }
    RSAKey key = keys.signingKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return new Issued(jwt.serialize(), expiresAt);
  }
}

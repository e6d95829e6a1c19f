package io.protohive.kernel.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An OpenID Connect provider as the tenant stores it.
 *
 * @param sealedClientSecret the client secret sealed with the secrets key (see {@link
 *     OidcClientSecrets}); {@code null} for a public client
 */
public record OidcProvider(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("issuer") String issuer,
    @JsonProperty("clientId") String clientId,
    @JsonProperty("sealedClientSecret") String sealedClientSecret) {}

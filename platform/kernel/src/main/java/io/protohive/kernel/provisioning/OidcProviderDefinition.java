package io.protohive.kernel.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An OpenID Connect provider a tenant's people sign in with, as a tenants-config file declares it.
 *
 * @param id short name in URLs, such as {@code keycloak}
 * @param name what the sign-in button says
 * @param issuer the provider's issuer URL; its discovery document is read from there
 * @param clientSecret a reference to the secret ({@code {env: NAME}} or {@code {file: /path}});
 *     {@code null} for a public client, which proves itself with PKCE alone
 */
public record OidcProviderDefinition(
    @JsonProperty("id") String id,
    @JsonProperty("name") String name,
    @JsonProperty("issuer") String issuer,
    @JsonProperty("clientId") String clientId,
    @JsonProperty("clientSecret") DeclaredValue clientSecret) {}

package io.protohive.kernel.tenancy;

import io.protohive.kernel.secret.SecretBox;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals OIDC client secrets for storage, each bound to its tenant and provider, and opens one only
 * for the token exchange.
 */
public final class OidcClientSecrets {

  private final SecretBox secrets;

  public OidcClientSecrets(SecretBox secrets) {
    this.secrets = secrets;
  }

  /**
   * The declared providers as the tenant stores them. A secret that has not changed keeps its
   * stored ciphertext, so applying the same file twice changes nothing.
   *
   * @param declared the declared providers, without their secrets
   * @param clientSecrets the resolved secrets by provider id; public clients have none
   * @param stored the providers the tenant stores now
   */
  public List<OidcProvider> seal(
      UUID tenantId,
      List<OidcProvider> declared,
      Map<String, String> clientSecrets,
      List<OidcProvider> stored) {
    return declared.stream()
        .map(
            provider ->
                new OidcProvider(
                    provider.id(),
                    provider.name(),
                    provider.issuer(),
                    provider.clientId(),
                    sealedSecret(
                        tenantId, provider.id(), clientSecrets.get(provider.id()), stored)))
        .toList();
  }

  /** The provider's client secret in clear; empty for a public client. */
  public Optional<String> open(UUID tenantId, OidcProvider provider) {
    return Optional.ofNullable(provider.sealedClientSecret())
        .map(ciphertext -> secrets.decrypt(ciphertext, context(tenantId, provider.id())));
  }

  private String sealedSecret(
      UUID tenantId, String providerId, String clientSecret, List<OidcProvider> stored) {
    if (clientSecret == null) {
      return null;
    }
    return stored.stream()
        .filter(p -> p.id().equals(providerId) && p.sealedClientSecret() != null)
        .map(OidcProvider::sealedClientSecret)
        .filter(ciphertext -> opensTo(ciphertext, tenantId, providerId, clientSecret))
        .findFirst()
        .orElseGet(() -> secrets.encrypt(clientSecret, context(tenantId, providerId)));
  }

  private boolean opensTo(
      String ciphertext, UUID tenantId, String providerId, String clientSecret) {
    try {
      return secrets.decrypt(ciphertext, context(tenantId, providerId)).equals(clientSecret);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String context(UUID tenantId, String providerId) {
    return "oidc-client-secret/" + tenantId + "/" + providerId;
  }
}

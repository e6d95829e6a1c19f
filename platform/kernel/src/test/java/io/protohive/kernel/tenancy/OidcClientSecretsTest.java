package io.protohive.kernel.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.secret.SecretBox;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OidcClientSecretsTest {

  private static final String SECRET = "client-secret-in-clear-42";

  private final OidcClientSecrets secrets =
      new OidcClientSecrets(new SecretBox(Base64.getDecoder().decode(SecretBox.newKey())));
  private final UUID tenant = UUID.randomUUID();

  private final List<OidcProvider> declared = List.of(provider("keycloak"), provider("public"));

  @Test
  void storesNoClearSecretAndOpensItForTheExchange() {
    List<OidcProvider> stored =
        secrets.seal(tenant, declared, Map.of("keycloak", SECRET), List.of());

    assertThat(OidcProviders.toJson(stored)).doesNotContain(SECRET).contains("v1:");
    assertThat(secrets.open(tenant, stored.get(0))).contains(SECRET);
    assertThat(secrets.open(tenant, stored.get(1))).as("a public client").isEmpty();
  }

  @Test
  void aSecretOpensOnlyForItsTenantAndProvider() {
    OidcProvider stored =
        secrets.seal(tenant, declared, Map.of("keycloak", SECRET), List.of()).get(0);

    assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), stored))
        .isInstanceOf(IllegalArgumentException.class);
    OidcProvider movedToAnotherProvider =
        new OidcProvider("other", "Other", stored.issuer(), "c", stored.sealedClientSecret());
    assertThatThrownBy(() -> secrets.open(tenant, movedToAnotherProvider))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void applyingTheSameSecretAgainKeepsTheStoredFormAndANewSecretReplacesIt() {
    List<OidcProvider> first =
        secrets.seal(tenant, declared, Map.of("keycloak", SECRET), List.of());

    assertThat(secrets.seal(tenant, declared, Map.of("keycloak", SECRET), first)).isEqualTo(first);

    OidcProvider rotated =
        secrets.seal(tenant, declared, Map.of("keycloak", "rotated"), first).get(0);
    assertThat(rotated.sealedClientSecret()).isNotEqualTo(first.get(0).sealedClientSecret());
    assertThat(secrets.open(tenant, rotated)).contains("rotated");
  }

  private static OidcProvider provider(String id) {
    return new OidcProvider(id, id, "https://sso.example.com", "protohive", null);
  }
}

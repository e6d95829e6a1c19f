package io.protohive.kernel.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** A tenant's OIDC providers as stored: a JSON list in one column. */
final class OidcProviders {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<OidcProvider>> LIST = new TypeReference<>() {};

  private OidcProviders() {}

  static String toJson(List<OidcProvider> providers) {
    try {
      return JSON.writeValueAsString(providers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("provider definitions are plain records", e);
    }
  }

  static List<OidcProvider> fromJson(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored OIDC providers are unreadable", e);
    }
  }
}

package io.protohive.kernel.identity.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.map.IMap;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.PlatformRuntime;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.OidcProviderDefinition;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sign-in through a tenant's OpenID Connect provider: the authorization-code flow with PKCE (S256),
 * state and nonce. The pending sign-in waits in the cluster, so the provider may send the person
 * back to any node. A person signing in for the first time gets an account, if the tenant's allowed
 * domains admit the address.
 */
@ApplicationScoped
public class OidcSignIn {

  private static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final String REFUSED = "Sign-in with this provider did not succeed; try again.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject TenantDirectory tenants;
  @Inject PlatformRuntime runtime;
  @Inject DatabaseScope scope;
  @Inject AuditLog audit;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Where to send the person: the provider's authorization endpoint, with this sign-in's state,
   * nonce and code challenge.
   *
   * @param redirectUri the platform's callback, registered at the provider
   */
  public URI start(String tenantSlug, String providerId, String redirectUri) {
    Tenant tenant = tenant(tenantSlug);
    OidcProviderDefinition provider = provider(tenant, providerId);
    JsonNode discovery = discover(provider);
    String state = OpaqueTokens.generate();
    String nonce = OpaqueTokens.generate();
    String verifier = OpaqueTokens.generate();
    pending()
        .set(
            state,
            String.join("\n", tenant.slug(), provider.id(), nonce, verifier, redirectUri),
            PENDING_LIFETIME.toMillis(),
            TimeUnit.MILLISECONDS);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", provider.clientId());
    query.put("redirect_uri", redirectUri);
    query.put("scope", "openid email profile");
    query.put("state", state);
    query.put("nonce", nonce);
    query.put("code_challenge", challenge(verifier));
    query.put("code_challenge_method", "S256");
    return URI.create(discovery.path("authorization_endpoint").asText() + "?" + form(query));
  }

  /**
   * Completes the sign-in the provider sent the person back from.
   *
   * @throws Rejection when the state is unknown or used, the code or ID token do not check out, or
   *     the address may not have an account in the tenant
   */
  @Transactional
  public SignedIn complete(String state, String code, String address) {
    String pendingLogin = state == null ? null : pending().remove(state);
    if (pendingLogin == null || code == null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    String[] parts = pendingLogin.split("\n");
    Tenant tenant = tenant(parts[0]);
    SignInService.requireEnabled(Optional.of(tenant));
    OidcProviderDefinition provider = provider(tenant, parts[1]);
    JsonNode discovery = discover(provider);
    JWTClaimsSet claims =
        verifyIdToken(
            provider, discovery, exchange(provider, discovery, code, parts[4], parts[3]), parts[2]);
    if (Boolean.FALSE.equals(claims.getClaim("email_verified"))) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN, "The provider has not verified your email address.");
    }
    String email = Credentials.normalizeEmail((String) claims.getClaim("email"));
    scope.tenant(tenant.id());
    UserAccount account = account(tenant, email, name(claims, email), address);
    if (account.isDisabled()) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    audit.record(
        tenant.id(), account.id(), Action.SIGN_IN, email + " via " + provider.id(), address);
    return new SignedIn(account, Optional.of(tenant));
  }

  private UserAccount account(Tenant tenant, String email, String name, String address) {
    return entityManager
        .createQuery(
            "select u from UserAccount u where u.tenantId = :tenant and lower(u.email) = :email",
            UserAccount.class)
        .setParameter("tenant", tenant.id())
        .setParameter("email", email)
        .getResultStream()
        .findFirst()
        .orElseGet(() -> provision(tenant, email, name, address));
  }

  private UserAccount provision(Tenant tenant, String email, String name, String address) {
    if (!tenant.allowedEmailDomains().isEmpty()
        && !tenant.allowedEmailDomains().contains(Credentials.domainOf(email))) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN,
          "Addresses at " + Credentials.domainOf(email) + " cannot have an account here.");
    }
    // no password: this person signs in through the provider
    UserAccount account = UserAccount.member(tenant.id(), email, name, "oidc", true, Instant.now());
    entityManager.persist(account);
    entityManager.flush();
    audit.record(tenant.id(), account.id(), Action.SIGN_UP, email, address);
    return account;
  }

  private String exchange(
      OidcProviderDefinition provider,
      JsonNode discovery,
      String code,
      String redirectUri,
      String verifier) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("grant_type", "authorization_code");
    body.put("code", code);
    body.put("redirect_uri", redirectUri);
    body.put("client_id", provider.clientId());
    body.put("code_verifier", verifier);
    if (provider.clientSecret() != null && !provider.clientSecret().isBlank()) {
      body.put("client_secret", provider.clientSecret());
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(discovery.path("token_endpoint").asText()))
            .timeout(HTTP_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(body)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String idToken = json.readTree(response.body()).path("id_token").asText("");
      if (response.statusCode() != 200 || idToken.isEmpty()) {
        throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
      }
      return idToken;
    } catch (IOException e) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
  }

  private static JWTClaimsSet verifyIdToken(
      OidcProviderDefinition provider, JsonNode discovery, String idToken, String nonce) {
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.create(URI.create(discovery.path("jwks_uri").asText()).toURL()).build();
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256), keys));
      processor.setJWTClaimsSetVerifier(
          new DefaultJWTClaimsVerifier<>(
              provider.clientId(),
              new JWTClaimsSet.Builder()
                  .issuer(discovery.path("issuer").asText())
                  .claim("nonce", nonce)
                  .build(),
              Set.of("sub", "email", "exp", "iat")));
      return processor.process(idToken, null);
    } catch (Exception e) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
  }

  private JsonNode discover(OidcProviderDefinition provider) {
    URI uri =
        URI.create(provider.issuer().replaceAll("/+$", "") + "/.well-known/openid-configuration");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("status " + response.statusCode());
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw Rejection.of(
          Rejection.Kind.NOT_FOUND, "The sign-in provider cannot be reached; try again later.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Rejection.of(Rejection.Kind.NOT_FOUND, REFUSED);
    }
  }

  private Tenant tenant(String slug) {
    return tenants
        .bySlug(slug == null ? "" : slug)
        .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No such sign-in provider."));
  }

  private static OidcProviderDefinition provider(Tenant tenant, String providerId) {
    return tenant.oidcProviders().stream()
        .filter(p -> p.id().equals(providerId))
        .findFirst()
        .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No such sign-in provider."));
  }

  /** A short-lived, single-use ticket that hands a completed sign-in over to the UI. */
  public String ticketFor(SignedIn signedIn) {
    String ticket = OpaqueTokens.generate();
    tickets().set(ticket, signedIn.account().id().toString(), 60, TimeUnit.SECONDS);
    return ticket;
  }

  /** The sign-in a ticket stands for. @throws Rejection when unknown, used or expired */
  @Transactional
  public SignedIn redeem(String ticket) {
    String userId = ticket == null ? null : tickets().remove(ticket);
    if (userId == null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    scope.platform();
    UserAccount account = entityManager.find(UserAccount.class, UUID.fromString(userId));
    return new SignedIn(account, tenants.byId(account.tenantId()));
  }

  private IMap<String, String> tickets() {
    return runtime.cluster().hazelcast().getMap("protohive.oidc.tickets");
  }

  private IMap<String, String> pending() {
    return runtime.cluster().hazelcast().getMap("protohive.oidc.pending");
  }

  private static String name(JWTClaimsSet claims, String email) {
    Object name = claims.getClaim("name");
    return name instanceof String s && !s.isBlank() ? s : email.substring(0, email.indexOf('@'));
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String form(Map<String, String> values) {
    return values.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

package io.protohive.kernel.identity.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
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
import io.protohive.kernel.identity.AccountQueries;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.identity.OpaqueTokens;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.identity.SignInService.SignedIn;
import io.protohive.kernel.identity.UserAccount;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.tenancy.OidcClientSecrets;
import io.protohive.kernel.tenancy.OidcProvider;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Sign-in through a tenant's OpenID Connect provider: the authorization-code flow with PKCE (S256),
 * state and nonce, both bound to the browser that started it. The pending sign-in waits in the
 * cluster, so the provider may send the person back to any node. People are linked to accounts by
 * the provider's subject; a person signing in for the first time with a verified email gets an
 * account, if the tenant's allowed domains admit the address, or, when an account has that email
 * already, links to it once its owner confirms.
 */
@ApplicationScoped
public class OidcSignIn {

  /** How long a started sign-in waits for the provider to send the person back. */
  public static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);

  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);
  private static final String REFUSED = "Sign-in with this provider did not succeed; try again.";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject TenantDirectory tenants;
  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;
  @Inject AuditLog audit;
  @Inject OidcLinks links;
  @Inject OidcTickets tickets;
  @Inject SignInService passwords;
  @Inject PlatformAdmins platformAdmins;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Where the sign-in starts: the provider's authorization endpoint, with this sign-in's state,
   * nonce and code challenge, and the browser key that binds it to the browser.
   *
   * @param location the provider's authorization endpoint
   * @param browserKey kept by the browser in an httpOnly cookie and shown again at the callback;
   *     the nonce is its hash, so the ID token, too, belongs to this browser only
   */
  public record Start(URI location, String browserKey) {}

  /**
   * Starts a sign-in.
   *
   * @param redirectUri the platform's callback, registered at the provider
   */
  public Start start(String tenantSlug, String providerId, String redirectUri) {
    Tenant tenant = tenant(tenantSlug);
    OidcProvider provider = provider(tenant, providerId);
    JsonNode discovery = discover(provider);
    String state = OpaqueTokens.generate();
    String browserKey = OpaqueTokens.generate();
    String nonce = OpaqueTokens.hash(browserKey);
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
    return new Start(
        URI.create(discovery.path("authorization_endpoint").asText() + "?" + form(query)),
        browserKey);
  }

  /**
   * Completes the sign-in the provider sent the person back from. A person is recognized by the
   * provider's subject; someone new gets an account, or, when an account has their email already,
   * must confirm the link as that account's owner first.
   *
   * @param browserKey from the cookie of the browser the callback arrived in
   * @throws Rejection when the state is unknown, used or from another browser, the code or ID token
   *     do not check out, the provider has not verified the email of a person it names for the
   *     first time, or the address may not have an account in the tenant
   */
  @Transactional
  public ProviderSignIn complete(String state, String code, String browserKey, String address) {
    String[] parts = takePending(state, browserKey).split("\n");
    if (code == null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    Tenant tenant = tenant(parts[0]);
    SignInService.requireEnabled(Optional.of(tenant));
    OidcProvider provider = provider(tenant, parts[1]);
    JsonNode discovery = discover(provider);
    JWTClaimsSet claims =
        verifyIdToken(
            provider,
            discovery,
            exchange(tenant, provider, discovery, code, parts[4], parts[3]),
            parts[2]);
    ProviderSignIn signIn =
        links
            .account(tenant.id(), provider.id(), claims.getSubject())
            .map(
                account ->
                    new ProviderSignIn(account, tenant, provider, claims.getSubject(), false))
            .orElseGet(() -> firstSignIn(tenant, provider, claims, address));
    if (signIn.account().isDisabled()) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    if (!signIn.confirmationNeeded()) {
      audit.record(
          tenant.id(),
          signIn.account().id(),
          Action.SIGN_IN,
          signIn.account().email() + " via " + provider.id(),
          address);
    }
    return signIn;
  }

  /**
   * The pending sign-in of this state, taken once, and only by the browser that started it: a
   * callback from another browser (login CSRF) leaves it for its own.
   */
  private String takePending(String state, String browserKey) {
    String pendingLogin = state == null ? null : pending().get(state);
    if (pendingLogin == null
        || browserKey == null
        || !MessageDigest.isEqual(
            OpaqueTokens.hash(browserKey).getBytes(StandardCharsets.US_ASCII),
            pendingLogin.split("\n")[2].getBytes(StandardCharsets.US_ASCII))
        || !pending().remove(state, pendingLogin)) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    return pendingLogin;
  }

  /** A person the provider names for the first time: found or known only by a verified email. */
  private ProviderSignIn firstSignIn(
      Tenant tenant, OidcProvider provider, JWTClaimsSet claims, String address) {
    // exactly the JSON boolean true: a missing claim or the string "true" vouches for nothing
    if (!Boolean.TRUE.equals(claims.getClaim("email_verified"))
        || !(claims.getClaim("email") instanceof String claimed)) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN,
          "The sign-in provider has not verified your email address; verify it there, then try"
              + " again.");
    }
    String email = Credentials.normalizeEmail(claimed);
    Optional<UserAccount> existing = accountWith(tenant, email);
    if (existing.isPresent()) {
      if (links.isLinked(tenant.id(), existing.get().id(), provider.id())) {
        throw Rejection.of(
            Rejection.Kind.CONFLICT,
            "The account with your email is linked to someone else at this provider.");
      }
      return new ProviderSignIn(existing.get(), tenant, provider, claims.getSubject(), true);
    }
    ProviderSignIn signIn =
        new ProviderSignIn(
            provision(tenant, email, name(claims, email), address),
            tenant,
            provider,
            claims.getSubject(),
            false);
    links.link(signIn, address);
    return signIn;
  }

  /**
   * Links an existing account to the person the provider vouched for, once they prove to own it
   * with its password (a password sign-in, throttled and audited as any other), and signs them in.
   *
   * @throws Rejection when the password is wrong, or the account cannot sign in with a password
   */
  public SignedIn confirmLink(ProviderSignIn pending, String password, String address) {
    SignedIn owner =
        passwords.signIn(
            pending.account().email(),
            (password == null ? "" : password).toCharArray(),
            Optional.of(pending.tenant().slug()),
            address);
    if (!owner.account().id().equals(pending.account().id())) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    links.confirm(pending, address);
    return owner;
  }

  private Optional<UserAccount> accountWith(Tenant tenant, String email) {
    return AccountQueries.withEmail(entityManager, email, Optional.of(tenant.slug())).stream()
        .findFirst();
  }

  private UserAccount provision(Tenant tenant, String email, String name, String address) {
    if (!tenant.allowedEmailDomains().isEmpty()
        && !tenant.allowedEmailDomains().contains(Credentials.domainOf(email))) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN,
          "Addresses at " + Credentials.domainOf(email) + " cannot have an account here.");
    }
    platformAdmins.requireNotReserved(email);
    // no password: this person signs in through the provider, which verified the address
    UserAccount account = UserAccount.member(tenant.id(), email, name, "oidc", true, Instant.now());
    entityManager.persist(account);
    entityManager.flush();
    audit.record(tenant.id(), account.id(), Action.SIGN_UP, email, address);
    return account;
  }

  private String exchange(
      Tenant tenant,
      OidcProvider provider,
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
    new OidcClientSecrets(secrets)
        .open(tenant.id(), provider)
        .ifPresent(secret -> body.put("client_secret", secret));
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
      OidcProvider provider, JsonNode discovery, String idToken, String nonce) {
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
              Set.of("sub", "exp", "iat")));
      return processor.process(idToken, null);
    } catch (Exception e) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
  }

  private JsonNode discover(OidcProvider provider) {
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

  private static OidcProvider provider(Tenant tenant, String providerId) {
    return tenant.oidcProviders().stream()
        .filter(p -> p.id().equals(providerId))
        .findFirst()
        .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No such sign-in provider."));
  }

  /**
   * The sign-in a ticket hands over, once.
   *
   * @throws Rejection when the ticket is unknown, used or expired, or the account or its tenant may
   *     no longer sign in
   */
  @Transactional
  @AsPlatform
  public ProviderSignIn redeem(String ticket) {
    OidcTicket handedOver =
        tickets
            .redeem(ticket)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED));
    UserAccount account = entityManager.find(UserAccount.class, handedOver.userId());
    Tenant tenant = tenants.byId(handedOver.tenantId()).orElse(null);
    if (account == null || account.isDisabled() || tenant == null) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, REFUSED);
    }
    SignInService.requireEnabled(Optional.of(tenant));
    return new ProviderSignIn(
        account,
        tenant,
        provider(tenant, handedOver.providerId()),
        handedOver.subject(),
        handedOver.confirmLink());
  }

  private IMap<String, String> pending() {
    return hazelcast.getMap("protohive.oidc.pending");
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

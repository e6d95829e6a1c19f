package io.protohive.kernel.plugin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import io.protohive.pluginhost.Certificates;
import io.protohive.pluginhost.TrustPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The publishers whose signed plugins the platform installs: the one built into the release, and
 * those platform admins add. The plugin host reads the list from memory on any thread; it is
 * reloaded from the database at start and after each change, on every node.
 */
@ApplicationScoped
public class TrustedPublishers implements TrustPolicy {

  private static final Logger LOG = Logger.getLogger(TrustedPublishers.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformSettings settings;
  @Inject Authorization authorization;
  @Inject PlatformAdmins admins;
  @Inject AuditLog audit;
  @Inject Event<PluginSetChanged> changed;

  private volatile List<Publisher> builtIn = List.of();
  private volatile List<Publisher> added = List.of();

  /**
   * A publisher the platform trusts.
   *
   * @param id {@code null} for the publisher built into the release, which cannot be removed
   */
  public record Publisher(
      UUID id,
      String name,
      String subject,
      String fingerprint,
      boolean builtIn,
      Instant addedAt,
      X509Certificate certificate) {}

  /** Sets the publishers that ship with the release, from their PEM certificates. */
  public void setBuiltIn(List<String> pems) {
    builtIn =
        pems.stream()
            .map(Certificates::parsePem)
            .map(
                c ->
                    new Publisher(
                        null,
                        "Built in: " + c.getSubjectX500Principal().getName(),
                        c.getSubjectX500Principal().getName(),
                        Certificates.fingerprint(c),
                        true,
                        null,
                        c))
            .toList();
    if (settings.pluginsAllowUnsigned()) {
      LOG.warning(
          "Unsigned plugins are accepted (protohive.plugins.allow-unsigned=true)."
              + " Never run production like this.");
    }
  }

  /** Reads the added publishers again, after a change on this node or another. */
  @Transactional
  public void reload() {
    List<Publisher> loaded = new ArrayList<>();
    for (Object[] row :
        (List<Object[]>)
            entityManager
                .createNativeQuery(
                    "select id, name, subject, fingerprint, added_at, certificate"
                        + " from trusted_publisher order by added_at, id")
                .getResultList()) {
      loaded.add(
          new Publisher(
              (UUID) row[0],
              (String) row[1],
              (String) row[2],
              (String) row[3],
              false,
              ((Timestamp) row[4]).toInstant(),
              Certificates.parsePem((String) row[5])));
    }
    added = List.copyOf(loaded);
  }

  /** The publishers the platform trusts, for a platform admin. */
  public List<Publisher> list(Caller caller) {
    authorization.platformAdmin(caller);
    return trusted();
  }

  private List<Publisher> trusted() {
    return Stream.concat(builtIn.stream(), added.stream()).toList();
  }

  @Override
  public List<X509Certificate> trustedCertificates() {
    return trusted().stream().map(Publisher::certificate).toList();
  }

  @Override
  public boolean acceptsUnsigned() {
    return settings.pluginsAllowUnsigned();
  }

  /** Trusts a publisher's certificate; platform admins only. */
  @Transactional
  @AsPlatform
  public Publisher add(Caller caller, String name, String pem, String address) {
    authorization.platformAdmin(caller);
    if (name == null || name.isBlank() || name.length() > 200) {
      throw Rejection.invalid("name", "Name the publisher, in at most 200 characters.");
    }
    X509Certificate certificate;
    try {
      certificate = Certificates.parsePem(pem == null ? "" : pem);
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("certificate", "Paste the publisher's certificate in PEM form.");
    }
    String fingerprint = Certificates.fingerprint(certificate);
    if (trusted().stream().anyMatch(p -> p.fingerprint().equals(fingerprint))) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "This certificate is trusted already.");
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    entityManager
        .createNativeQuery(
            "insert into trusted_publisher"
                + " (id, name, subject, fingerprint, certificate, added_at, added_by)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, id)
        .setParameter(2, name.strip())
        .setParameter(3, certificate.getSubjectX500Principal().getName())
        .setParameter(4, fingerprint)
        .setParameter(5, Certificates.toPem(certificate))
        .setParameter(6, Timestamp.from(now))
        .setParameter(7, caller.userId())
        .executeUpdate();
    audit.record(null, caller.userId(), Action.PUBLISHER_TRUSTED, fingerprint, address);
    changed.fire(new PluginSetChanged("publisher trusted"));
    reload();
    return trusted().stream().filter(p -> id.equals(p.id())).findFirst().orElseThrow();
  }

  /** Stops trusting a publisher for future installs; installed plugins keep running. */
  @Transactional
  @AsPlatform
  public void remove(Caller caller, UUID id, String address) {
    authorization.platformAdmin(caller);
    int removed =
        entityManager
            .createNativeQuery("delete from trusted_publisher where id = ?1")
            .setParameter(1, id)
            .executeUpdate();
    if (removed == 0) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No added publisher has this id.");
    }
    audit.record(null, caller.userId(), Action.PUBLISHER_REMOVED, id.toString(), address);
    changed.fire(new PluginSetChanged("publisher removed"));
    reload();
  }
}

package io.protohive.kernel.file.storage;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each tenant's data key, created on first use and kept in {@code tenant_data_key} encrypted with
 * the platform's secrets key, bound to the tenant. Deleting the row shreds the tenant's files
 * wherever their bytes lie: without the key they are noise.
 *
 * <p>Unwrapped keys are kept on this node with the row text they came from, and used only while the
 * row still holds that text: a key shredded on another node is not used here either.
 */
@ApplicationScoped
public class TenantDataKeys {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject SecretBox secrets;

  private final Map<UUID, Unwrapped> unwrapped = new ConcurrentHashMap<>();

  private record Unwrapped(String sealed, DataKey key) {}

  /** The tenant's data key, created in the caller's transaction when the tenant has none yet. */
  @Transactional
  @InTenant
  public DataKey keyOf(@TenantId UUID tenantId) {
    try {
      String sealed =
          sealedKey(
              entityManager.unwrap(Connection.class),
              tenantId,
              () -> seal(DataKey.generate(), secrets, tenantId));
      return unwrap(tenantId, sealed);
    } catch (SQLException e) {
      throw new IllegalStateException("the tenant's data key cannot be read", e);
    }
  }

  /** Deletes the tenant's data key: none of its files decrypts again. */
  @Transactional
  @InTenant
  public void shred(@TenantId UUID tenantId) {
    try {
      deleteKey(entityManager.unwrap(Connection.class), tenantId);
    } catch (SQLException e) {
      throw new IllegalStateException("the tenant's data key cannot be deleted", e);
    }
    unwrapped.remove(tenantId);
  }

  /** The key a row holds, unwrapped once per row text. */
  DataKey unwrap(UUID tenantId, String sealed) {
    Unwrapped known = unwrapped.get(tenantId);
    if (known != null && known.sealed().equals(sealed)) {
      return known.key();
    }
    DataKey key = DataKey.fromJson(secrets.decrypt(sealed, context(tenantId)));
    unwrapped.put(tenantId, new Unwrapped(sealed, key));
    return key;
  }

  /** The key as its row holds it: encrypted with the secrets key, bound to the tenant. */
  static String seal(DataKey key, SecretBox secrets, UUID tenantId) {
    return secrets.encrypt(key.toJson(), context(tenantId));
  }

  private static String context(UUID tenantId) {
    return "tenant-data-key:" + tenantId;
  }

  /**
   * The tenant's row's text, inserting a new one first when there is none; a concurrent first use
   * may win, and the key is whichever row stands.
   */
  static String sealedKey(Connection connection, UUID tenantId, Supplier<String> newSealedKey)
      throws SQLException {
    String sealed = read(connection, tenantId);
    if (sealed != null) {
      return sealed;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into tenant_data_key (tenant_id, keyset, created_at) values (?, ?, ?)"
                + " on conflict (tenant_id) do nothing")) {
      insert.setObject(1, tenantId);
      insert.setString(2, newSealedKey.get());
      insert.setTimestamp(3, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    return read(connection, tenantId);
  }

  static void deleteKey(Connection connection, UUID tenantId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("delete from tenant_data_key where tenant_id = ?")) {
      delete.setObject(1, tenantId);
      delete.executeUpdate();
    }
  }

  private static String read(Connection connection, UUID tenantId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("select keyset from tenant_data_key where tenant_id = ?")) {
      select.setObject(1, tenantId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }
}

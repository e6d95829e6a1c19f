package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.Databases;
import io.protohive.kernel.secret.SecretBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants' data key rows on PostgreSQL, through the application's role and its tenant walls. */
class TenantDataKeysIT {

  private static final String APP_ROLE = "protohive_it_app";

  private final DataSource owner = Databases.externalOwner();
  private final DataSource application = Databases.dataSource(Databases.EXTERNAL_URL, APP_ROLE, "");
  private final SecretBox secrets = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));
  private final TenantDataKeys keys = new TenantDataKeys();
  private final UUID tenantA = UUID.randomUUID();
  private final UUID tenantB = UUID.randomUUID();
  private String scopeKey;

  @TempDir Path folder;

  @BeforeEach
  void twoTenants() throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "external", APP_ROLE);
    scopeKey = Databases.scopeKey(owner);
    for (UUID tenant : new UUID[] {tenantA, tenantB}) {
      Databases.execute(
          owner,
          "insert into tenant (id, slug, name, created_at, updated_at) values ('"
              + tenant
              + "', 't"
              + tenant.toString().substring(0, 8)
              + "', 'T', now(), now())");
    }
    keys.secrets = secrets;
  }

  @Test
  void aTenantsKeyIsCreatedOnceAndSeenByItsTenantOnly() throws Exception {
    String first = inTenant(tenantA, connection -> sealedKey(connection, tenantA));
    String again = inTenant(tenantA, connection -> sealedKey(connection, tenantA));
    String ofB = inTenant(tenantB, connection -> sealedKey(connection, tenantB));

    assertThat(again).isEqualTo(first);
    assertThat(ofB).isNotEqualTo(first);
    int rowsSeenByB = inTenant(tenantB, TenantDataKeysIT::rows);
    assertThat(rowsSeenByB).isEqualTo(1);
    assertThat(keys.unwrap(tenantA, first).toJson())
        .isEqualTo(keys.unwrap(tenantA, again).toJson());
  }

  @Test
  void aTenantCannotWriteAKeyForAnother() {
    assertThatThrownBy(() -> inTenant(tenantB, connection -> sealedKey(connection, tenantA)))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("row-level security");
  }

  @Test
  void afterShreddingTheTenantsFilesDoNotDecrypt() throws Exception {
    DiskFileStore store = new DiskFileStore(folder.resolve("files"));
    Path plain = Files.writeString(folder.resolve("plain.txt"), "before the shredding");
    DataKey before = keys.unwrap(tenantA, inTenant(tenantA, c -> sealedKey(c, tenantA)));
    before.encrypt(plain, store, tenantA + "/file/1");

    inTenant(
        tenantA,
        connection -> {
          TenantDataKeys.deleteKey(connection, tenantA);
          return null;
        });
    DataKey after = keys.unwrap(tenantA, inTenant(tenantA, c -> sealedKey(c, tenantA)));

    assertThat(after.toJson()).isNotEqualTo(before.toJson());
    assertThatThrownBy(
            () -> {
              try (InputStream in = after.decryptRange(store, tenantA + "/file/1", 0, 100)) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(IOException.class);
  }

  private String sealedKey(Connection connection, UUID tenant) throws SQLException {
    return TenantDataKeys.sealedKey(
        connection, tenant, () -> TenantDataKeys.seal(DataKey.generate(), secrets, tenant));
  }

  private static int rows(Connection connection) throws SQLException {
    try (var result =
        connection.createStatement().executeQuery("select count(*) from tenant_data_key")) {
      result.next();
      return result.getInt(1);
    }
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs the work in one committed transaction in the tenant's scope, as the kernel's beans do. */
  private <T> T inTenant(UUID tenant, Work<T> work) throws SQLException {
    try (Connection connection = application.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement enter =
          connection.prepareStatement("select protohive_enter_tenant(?::uuid, ?)")) {
        enter.setString(1, tenant.toString());
        enter.setString(2, scopeKey);
        enter.execute();
      }
      T result = work.run(connection);
      connection.commit();
      return result;
    }
  }
}

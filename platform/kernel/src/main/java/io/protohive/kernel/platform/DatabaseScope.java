package io.protohive.kernel.platform;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Tells PostgreSQL's row-level security whose rows the current transaction may see. This is the
 * platform's one tenant filter: every table with a tenant has a policy on the scope entered here,
 * so JPQL, entities and SQL written by hand see the same rows, and queries name no tenant unless
 * their table is one the platform scope opens across tenants.
 *
 * <p>A scope is entered with the database's scope key, which only the tables' owner can read and
 * the platform reads through the owner's connection at start. The database seals the scope to the
 * transaction, and its policies honour only sealed scopes: SQL run on the application's connection
 * without the key, injected or a plugin's, cannot move itself into another tenant or the platform
 * scope with {@code set_config}. The scope is transaction-local, so it ends with the transaction
 * and never leaks to the next user of the pooled connection.
 *
 * <p>Services do not call this class: they declare their scope with {@link InTenant} or {@link
 * AsPlatform} on the transactional method, and the interceptors {@link TenantScope} and {@link
 * PlatformScope} enter it. Only the job workers, which run their own JDBC transactions, enter the
 * platform scope on a connection directly. A transaction that reads or writes tenant-owned rows
 * without a declared scope sees none. A hot read that must cost one round trip asks {@link
 * #readInTenant} instead: its query travels with the scope, in a transaction of its own.
 *
 * <p>Each transaction that enters a scope, and each hot read, is a span of the request or job it
 * serves, named after the method that declared the scope ({@code db AuditChains.append}): the
 * transaction's span ends when it has committed or rolled back.
 */
@ApplicationScoped
public class DatabaseScope {

  /** What the current transaction entered already, kept with the transaction. */
  private static final String ENTERED_TENANT = DatabaseScope.class.getName() + ".tenant";

  private static final String ENTERED_PLATFORM = DatabaseScope.class.getName() + ".platform";

  private static final String TRACED = DatabaseScope.class.getName() + ".span";

  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<String> DB_QUERY = AttributeKey.stringKey("db.query.text");
  private static final AttributeKey<String> SCOPE = AttributeKey.stringKey("protohive.db.scope");

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Resource TransactionSynchronizationRegistry transactions;

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  @Inject
  @Named("protohive.database")
  Tracer tracer;

  /** Binds a query's own parameters, from {@code first} on: those before are the scope's. */
  @FunctionalInterface
  public interface Parameters {
    void bind(PreparedStatement statement, int first) throws SQLException;
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface Row<T> {
    T of(ResultSet row) throws SQLException;
  }

  private volatile String key;

  /**
   * Reads the scope key through the tables' owner; until then no scope can be entered.
   *
   * @throws StartupFailure when the key cannot be read
   */
  public void readKey(DataSource owner) {
    try (Connection connection = owner.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select key from database_scope_key")) {
      if (!result.next()) {
        throw new StartupFailure("the database has no scope key; its migrations are incomplete");
      }
      key = result.getString(1);
    } catch (SQLException e) {
      throw new StartupFailure("cannot read the database's scope key: " + e.getMessage());
    }
  }

  /**
   * Rows of this tenant only.
   *
   * @param work the method that declared the scope, which names the transaction's span
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tenant(UUID tenantId, String work) {
    // a use case calls others of the same tenant in its transaction: the scope stands already
    if (tenantId.equals(transactions.getResource(ENTERED_TENANT))) {
      return;
    }
    traceTransaction(work, "tenant");
    entityManager
        .createNativeQuery("select protohive_enter_tenant(cast(?1 as uuid), ?2)::text")
        .setParameter(1, tenantId.toString())
        .setParameter(2, key())
        .getSingleResult();
    transactions.putResource(ENTERED_TENANT, tenantId);
  }

  /**
   * The rows of one tenant that {@code query} selects, read in one round trip to the database: the
   * statement that enters the scope and the query are sent together and run in one implicit
   * transaction, which ends, and takes the scope with it, when the query has answered. Outside any
   * container transaction, so no begin or commit is sent: for reads on hot paths, where the entity
   * manager's and the transaction's round trips would cost more than the query.
   *
   * @param query plain SQL with {@code ?} parameters, which {@code parameters} binds
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public <T> List<T> readInTenant(UUID tenantId, String query, Parameters parameters, Row<T> row) {
    Span span = span("db read", SpanKind.CLIENT);
    span.setAttribute(DB_QUERY, query).setAttribute(SCOPE, "tenant");
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "select protohive_enter_tenant(cast(? as uuid), ?)::text; " + query)) {
        statement.setString(1, tenantId.toString());
        statement.setString(2, key());
        parameters.bind(statement, 3);
        statement.execute();
        if (!statement.getMoreResults()) {
          throw new IllegalStateException("a tenant's read answered no rows: " + query);
        }
        List<T> rows = new ArrayList<>();
        try (ResultSet result = statement.getResultSet()) {
          while (result.next()) {
            rows.add(row.of(result));
          }
        }
        return rows;
      }
    } catch (SQLException e) {
      span.setStatus(StatusCode.ERROR);
      throw new IllegalStateException("the database cannot be read", e);
    } finally {
      span.end();
    }
  }

  /**
   * Rows of every tenant in the tables the platform reads across tenants (accounts, audit, jobs),
   * and the platform's own tables (tenants, tokens, signing keys), for sign-in and platform
   * administration only.
   *
   * @param work the method that declared the scope, which names the transaction's span
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void platform(String work) {
    if (Boolean.TRUE.equals(transactions.getResource(ENTERED_PLATFORM))) {
      return;
    }
    traceTransaction(work, "platform");
    entityManager
        .createNativeQuery("select protohive_enter_platform(?1)::text")
        .setParameter(1, key())
        .getSingleResult();
    transactions.putResource(ENTERED_PLATFORM, Boolean.TRUE);
  }

  /** The platform scope on a connection whose transaction the caller runs itself. */
  public void platform(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select protohive_enter_platform(?)")) {
      statement.setString(1, key());
      statement.executeQuery().close();
    }
  }

  /** A method as a transaction's span names it: {@code AuditChains.append}. */
  static String work(Method method) {
    return method.getDeclaringClass().getSimpleName() + "." + method.getName();
  }

  /** Starts the transaction's span, unless it has one; it ends when the transaction does. */
  private void traceTransaction(String work, String scope) {
    // a transaction marked for rollback takes no synchronization: its work goes on untraced
    if (transactions.getResource(TRACED) != null
        || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return;
    }
    Span span = span("db " + work, SpanKind.INTERNAL);
    if (!span.isRecording()) {
      return;
    }
    span.setAttribute(SCOPE, scope);
    transactions.putResource(TRACED, span);
    AfterCommit.whenEnded(
        transactions,
        committed -> {
          if (!committed) {
            span.setStatus(StatusCode.ERROR, "rolled back");
          }
          span.end();
        });
  }

  /** A database span as a child of the current request's or job's, a no-op outside any. */
  private Span span(String name, SpanKind kind) {
    if (!Span.current().getSpanContext().isValid()) {
      return Span.getInvalid();
    }
    return tracer
        .spanBuilder(name)
        .setSpanKind(kind)
        .setAttribute(DB_SYSTEM, "postgresql")
        .startSpan();
  }

  private String key() {
    String current = key;
    if (current == null) {
      throw new IllegalStateException("the database scope key is read when the platform starts");
    }
    return current;
  }
}

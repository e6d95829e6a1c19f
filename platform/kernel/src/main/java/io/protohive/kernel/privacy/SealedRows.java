package io.protohive.kernel.privacy;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.FieldKeys;
import io.protohive.kernel.encryption.SealedColumn;
import io.protohive.kernel.encryption.SearchTerms;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's sealed rows as a rotation sees them: those not sealed with the primary key (sealed
 * with an older one, or written before sealing), counted, and resealed a batch at a time.
 */
@ApplicationScoped
public class SealedRows {

  /** Rows one transaction reseals at most. */
  static final int BATCH = 1_000;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject FieldKeys fieldKeys;

  /** How many of the tenant's values are not sealed with its primary key. */
  @Transactional
  @InTenant
  public long behind(@TenantId UUID tenantId) {
    return behind(fieldKeys.of(tenantId));
  }

  /** Whether the tenant holds a value written before sealing, in clear. */
  @Transactional
  @InTenant
  public boolean anyInClear(@TenantId UUID tenantId) {
    for (SealedColumn column : SealedColumn.values()) {
      if (!entityManager
          .createNativeQuery("select 1 from " + inClear(column) + " limit 1")
          .getResultList()
          .isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Retires the tenant's older field keys, when no value is left that they sealed.
   *
   * @return how many keys were retired
   */
  @Transactional
  @InTenant
  public int retireOldKeys(@TenantId UUID tenantId) {
    return fieldKeys.retireOld(tenantId, this::behind);
  }

  private long behind(FieldKey key) {
    long primary = key.primaryId();
    long count = 0;
    for (SealedColumn column : SealedColumn.values()) {
      count +=
          ((Number)
                  entityManager
                      .createNativeQuery("select count(*) from " + behindPrimary(column))
                      .setParameter(1, primary)
                      .getSingleResult())
              .longValue();
    }
    return count;
  }

  /**
   * Reseals with the primary key up to a batch of the column's values that are behind it, after the
   * row id {@code after}; a message's search terms are written again with it.
   *
   * @return the last row id resealed, or null when none was left
   */
  @Transactional
  @InTenant
  public UUID reseal(@TenantId UUID tenantId, SealedColumn column, UUID after) {
    FieldKey key = fieldKeys.of(tenantId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, "
                    + column.column()
                    + ", "
                    + column.keyColumn()
                    + " from "
                    + behindPrimary(column)
                    + " and id > ?2 order by id limit ?3 for update")
            .setParameter(1, (long) key.primaryId())
            .setParameter(2, after)
            .setParameter(3, BATCH)
            .getResultList();
    UUID last = null;
    for (Object[] row : rows) {
      last = (UUID) row[0];
      String plain =
          key.read(
              (String) row[1],
              row[2] == null ? null : ((Number) row[2]).longValue(),
              column.context(last));
      var update =
          entityManager
              .createNativeQuery(
                  "update "
                      + column.table()
                      + " set "
                      + column.column()
                      + " = ?2, "
                      + column.keyColumn()
                      + " = ?3"
                      + (column == SealedColumn.MESSAGE_CONTENT
                          ? ", search_terms = cast(?4 as bigint[])"
                          : "")
                      + " where id = ?1")
              .setParameter(1, last)
              .setParameter(2, key.seal(plain, column.context(last)))
              .setParameter(3, (long) key.primaryId());
      if (column == SealedColumn.MESSAGE_CONTENT) {
        update.setParameter(4, SearchTerms.literal(key.searchTerms(plain)));
      }
      update.executeUpdate();
    }
    return last;
  }

  /** The column's rows that hold a value written before sealing (the partial indexes of V61). */
  private static String inClear(SealedColumn column) {
    return withValue(column, "is null");
  }

  /** The column's rows that hold a value not sealed with the key {@code ?1}. */
  private static String behindPrimary(SealedColumn column) {
    return withValue(column, "is distinct from ?1");
  }

  /** The column's rows that hold a value whose key column meets {@code keyCondition}. */
  private static String withValue(SealedColumn column, String keyCondition) {
    return column.table()
        + " where "
        + column.column()
        + " is not null and "
        + column.keyColumn()
        + " "
        + keyCondition;
  }
}

package io.protohive.kernel.llm;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What model calls cost: a price per million prompt and completion tokens, in millionths of the
 * currency unit, per provider and model, edited by platform admins. Read from memory on every call
 * ({@link ClusterCaches}: a change on any node is read again on every node); a model without a
 * price costs nothing.
 */
@ApplicationScoped
public class Prices implements ModelPrices {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformAdmins admins;
  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject ClusterCaches caches;

  private ClusterCaches.Cache<Map<RouteStep, Price>> cache;

  @PostConstruct
  void caches() {
    cache = caches.cache(ClusterCaches.LLM_PRICES);
  }

  /** The price of a model. */
  public record Price(String providerId, String model, long promptMicros, long completionMicros) {}

  @Override
  public long cost(String providerId, String model, long promptTokens, long completionTokens) {
    Price price = cache.get(ClusterCaches.ALL, this::read).get(new RouteStep(providerId, model));
    if (price == null) {
      return 0;
    }
    return Math.addExact(
        Math.multiplyExact(promptTokens, price.promptMicros()) / 1_000_000,
        Math.multiplyExact(completionTokens, price.completionMicros()) / 1_000_000);
  }

  /** The price table, for a platform admin. */
  @Transactional
  public List<Price> list(Caller caller) {
    authorization.platformAdmin(caller);
    return read().values().stream()
        .sorted(Comparator.comparing(Price::providerId).thenComparing(Price::model))
        .toList();
  }

  /** Sets a model's price; platform admins only. */
  @Transactional
  @AsPlatform
  public Price set(Caller caller, Price price, String address) {
    authorization.platformAdmin(caller);
    if (price.providerId() == null || price.providerId().isBlank()) {
      throw Rejection.invalid("providerId", "Name the provider.");
    }
    if (price.model() == null || price.model().isBlank()) {
      throw Rejection.invalid("model", "Name the model.");
    }
    if (price.promptMicros() < 0 || price.completionMicros() < 0) {
      throw Rejection.invalid("promptMicros", "Prices are at least 0.");
    }
    entityManager
        .createNativeQuery(
            "insert into llm_price (provider_id, model, prompt_micros, completion_micros)"
                + " values (?1, ?2, ?3, ?4) on conflict (provider_id, model) do update set"
                + " prompt_micros = excluded.prompt_micros,"
                + " completion_micros = excluded.completion_micros")
        .setParameter(1, price.providerId())
        .setParameter(2, price.model())
        .setParameter(3, price.promptMicros())
        .setParameter(4, price.completionMicros())
        .executeUpdate();
    audit.record(
        null,
        caller.userId(),
        Action.LLM_PRICE_CHANGED,
        price.providerId() + "/" + price.model(),
        address);
    cache.invalidateAll();
    return price;
  }

  @Transactional
  Map<RouteStep, Price> read() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select provider_id, model, prompt_micros, completion_micros from llm_price")
            .getResultList();
    Map<RouteStep, Price> prices = new HashMap<>();
    for (Object[] row : rows) {
      Price price =
          new Price(
              (String) row[0],
              (String) row[1],
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue());
      prices.put(new RouteStep(price.providerId(), price.model()), price);
    }
    return Map.copyOf(prices);
  }
}

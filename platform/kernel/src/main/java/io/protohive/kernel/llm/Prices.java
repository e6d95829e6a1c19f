package io.protohive.kernel.llm;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What model calls cost: a price per million prompt and completion tokens, in millionths of the
 * currency unit, per provider and model, edited by platform admins. Read from memory on every call;
 * a model without a price costs nothing.
 */
@ApplicationScoped
public class Prices implements ModelPrices {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformAdmins admins;
  @Inject Authorization authorization;
  @Inject AuditLog audit;

  private final Map<RouteStep, Price> cache = new ConcurrentHashMap<>();
  private volatile boolean loaded;

  /** The price of a model. */
  public record Price(String providerId, String model, long promptMicros, long completionMicros) {}

  @Override
  public long cost(String providerId, String model, long promptTokens, long completionTokens) {
    if (!loaded) {
      reload();
    }
    Price price = cache.get(new RouteStep(providerId, model));
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
    reload();
    return cache.values().stream()
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
    cache.put(new RouteStep(price.providerId(), price.model()), price);
    return price;
  }

  @Transactional
  void reload() {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select provider_id, model, prompt_micros, completion_micros from llm_price")
            .getResultList();
    cache.clear();
    for (Object[] row : rows) {
      Price price =
          new Price(
              (String) row[0],
              (String) row[1],
              ((Number) row[2]).longValue(),
              ((Number) row[3]).longValue());
      cache.put(new RouteStep(price.providerId(), price.model()), price);
    }
    loaded = true;
  }
}

package io.protohive.kernel.llm;

/** One provider/model pair of a tenant's route. */
public record RouteStep(String providerId, String model) {}

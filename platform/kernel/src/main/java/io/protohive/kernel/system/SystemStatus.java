package io.protohive.kernel.system;

/**
 * What anyone may know of the platform.
 *
 * @param status {@code UP} when every readiness check is, else {@code DOWN}
 */
public record SystemStatus(String version, String status) {}

package io.protohive.kernel.ratelimit;

import java.time.Duration;

/**
 * The answer to one request against a {@link RateLimit}.
 *
 * @param remaining what the key may still take now
 * @param reset until the bucket is full again
 * @param retryAfter until the next request is allowed; zero when this one was
 */
public record RateLimitDecision(
    RateLimit limit, boolean allowed, long remaining, Duration reset, Duration retryAfter) {}

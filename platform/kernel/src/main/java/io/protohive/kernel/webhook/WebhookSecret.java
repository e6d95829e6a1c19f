package io.protohive.kernel.webhook;

/**
 * A subscription with its signing secret, the one time the secret is shown: when the subscription
 * is created or its secret rotated.
 *
 * @param secret {@code whsec_} and the key in Base64, as the Standard Webhooks libraries take it
 */
public record WebhookSecret(WebhookView webhook, String secret) {}

package io.protohive.kernel.webhook;

import java.util.List;

/**
 * A new subscription, or a change of one: absent fields of a change keep their value.
 *
 * @param enabled {@code null} for enabled on a new subscription
 */
public record WebhookDraft(
    String url, String description, List<String> eventTypes, Boolean enabled) {}

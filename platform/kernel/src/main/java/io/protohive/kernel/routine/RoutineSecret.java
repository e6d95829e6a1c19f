package io.protohive.kernel.routine;

/**
 * A routine with the secret that signs calls of its inbound webhook, the one time it is shown.
 *
 * @param secret {@code whsec_} and the key in Base64, as the Standard Webhooks libraries take it
 * @param triggerPath where the signed calls go, under the platform's address
 */
public record RoutineSecret(RoutineView routine, String secret, String triggerPath) {}

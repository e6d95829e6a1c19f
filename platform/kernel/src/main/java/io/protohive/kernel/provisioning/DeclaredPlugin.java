package io.protohive.kernel.provisioning;

import java.util.Map;

/**
 * A plugin a tenants-config file switches on or off for its tenant, with its settings.
 *
 * @param config by setting key, in the file's order
 */
public record DeclaredPlugin(boolean enabled, Map<String, DeclaredValue> config) {}

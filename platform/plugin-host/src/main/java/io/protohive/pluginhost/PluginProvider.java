package io.protohive.pluginhost;

import io.protohive.plugin.api.llm.LlmProvider;

/**
 * An LLM provider service and the plugin that registered it.
 *
 * @param classLoader the bundle's class loader, the context class loader while its models work
 */
public record PluginProvider(String pluginId, LlmProvider provider, ClassLoader classLoader) {}

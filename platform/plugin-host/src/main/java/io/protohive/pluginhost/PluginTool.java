package io.protohive.pluginhost;

import io.protohive.plugin.api.Tool;

/**
 * A tool service and the plugin that registered it.
 *
 * @param classLoader the bundle's class loader, the context class loader of every call
 * @param consequential whether the plugin declares that calls of this tool change things outside
 *     the platform
 */
public record PluginTool(
    String pluginId, Tool tool, ClassLoader classLoader, boolean consequential) {}

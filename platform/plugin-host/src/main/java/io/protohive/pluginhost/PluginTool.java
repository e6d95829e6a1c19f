package io.protohive.pluginhost;

import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.Tool;

/**
 * A tool service and the plugin that registered it.
 *
 * @param classLoader the bundle's class loader, the context class loader of every call
 * @param consequential whether the plugin declares that calls of this tool change things outside
 *     the platform
 * @param http the host's HTTP client as this plugin may use it: its declared hosts only
 */
public record PluginTool(
    String pluginId, Tool tool, ClassLoader classLoader, boolean consequential, HostHttp http) {}

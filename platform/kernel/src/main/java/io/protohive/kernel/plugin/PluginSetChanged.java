package io.protohive.kernel.plugin;

/**
 * A CDI event: the platform's plugin set (uploaded bundles, stopped plugins, trusted publishers)
 * changed in the database, so every node brings its plugin host in line once the change commits.
 */
public record PluginSetChanged(String what) {}

package io.protohive.plugins.anthropic;

import io.protohive.plugin.testkit.PluginContract;

/** The packaged, signed Anthropic plugin resolves and registers its provider in a real host. */
class AnthropicContractIT extends PluginContract {}

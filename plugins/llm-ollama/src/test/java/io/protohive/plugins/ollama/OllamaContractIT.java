package io.protohive.plugins.ollama;

import io.protohive.plugin.testkit.PluginContract;

/** The packaged, signed Ollama plugin resolves and registers its provider in a real host. */
class OllamaContractIT extends PluginContract {}

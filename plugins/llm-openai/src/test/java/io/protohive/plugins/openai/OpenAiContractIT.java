package io.protohive.plugins.openai;

import io.protohive.plugin.testkit.PluginContract;

/**
 * The packaged, signed bundle passes the contract in a real plugin host: with its nested
 * LangChain4j OpenAI and Jackson jars it resolves against the host's exports and registers its
 * provider.
 */
class OpenAiContractIT extends PluginContract {}

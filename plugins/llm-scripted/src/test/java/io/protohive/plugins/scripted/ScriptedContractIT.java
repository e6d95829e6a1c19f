package io.protohive.plugins.scripted;

import io.protohive.plugin.testkit.PluginContract;

/** The packaged, signed scripted provider passes the contract in a real plugin host. */
class ScriptedContractIT extends PluginContract {}

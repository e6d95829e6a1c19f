/**
 * The contract between ProtoHive and its LLM provider plugins. It speaks LangChain4j's core types,
 * which the host exports with their version; bundles import them and never embed them.
 */
@Export
@Version("1.2.0")
package io.protohive.plugin.api.llm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

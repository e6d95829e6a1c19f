package io.protohive.ui.organization;

import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import java.util.List;
import java.util.Map;

/**
 * What an agent's settings are chosen from, read when its editor opens: the organization's agents,
 * to report to, the tools and model providers of the plugins the tenant enabled, and the
 * organization's knowledge bases.
 *
 * @param searched the knowledge bases the agent searches now; none for a new agent
 * @param providers by id, as {@link io.protohive.ui.llm.ModelChoice#byId} gives them
 */
record AgentOptions(
    ReportingLines lines,
    List<AvailableTool> tools,
    Map<String, AvailableProvider> providers,
    List<KnowledgeBaseView> knowledgeBases,
    List<KnowledgeBaseView> searched) {}

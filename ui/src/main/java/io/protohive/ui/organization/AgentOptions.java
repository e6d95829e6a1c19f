package io.protohive.ui.organization;

import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import java.util.List;
import java.util.Map;

/**
 * What an agent's settings are chosen from, read when its editor opens: the organization's agents,
 * to report to, the tools the tenant offers by where they come from, the model providers of the
 * plugins it enabled, and the organization's knowledge bases.
 *
 * @param searched the knowledge bases the agent searches now; none for a new agent
 * @param providers by id, as {@link io.protohive.ui.llm.ModelChoice#byId} gives them
 */
record AgentOptions(
    ReportingLines lines,
    List<ToolGroup> tools,
    Map<String, AvailableProvider> providers,
    List<KnowledgeBaseView> knowledgeBases,
    List<KnowledgeBaseView> searched) {}

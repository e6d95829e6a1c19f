package io.protohive.kernel.knowledge;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.kernel.conversation.AgentWork;
import io.protohive.kernel.conversation.PlatformTool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code knowledge_search}: the passages of the organization's documents that answer a question,
 * each with the link that cites it, which opens the file at the passage's page.
 */
@ApplicationScoped
public class KnowledgeSearchTool implements PlatformTool {

  static final String NAME = "knowledge_search";
  static final int PASSAGES = 6;

  private static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name(NAME)
          .description(
              "Search the organization's documents for passages that answer a question. Cite every"
                  + " passage you use by copying its cite link into your answer.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("query", "What to find, in words or as a question")
                  .required("query")
                  .build())
          .build();

  @Inject KnowledgeService knowledge;

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public boolean inTasks() {
    return true;
  }

  @Override
  public String call(AgentWork work, Map<String, Object> arguments) {
    Object query = arguments.get("query");
    List<KnowledgeHit> hits =
        knowledge.searchFor(work, query == null ? null : query.toString(), PASSAGES);
    if (hits.isEmpty()) {
      return "No document of the organization answers this.";
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hits.size(); i++) {
      KnowledgeHit hit = hits.get(i);
      out.append("[")
          .append(i + 1)
          .append("] ")
          .append(Citations.label(hit.fileName(), hit.page()))
          .append(hit.heading() == null ? "" : " — " + hit.heading())
          .append("\ncite: ")
          .append(Citations.link(hit.fileId(), hit.fileName(), hit.page()))
          .append("\n")
          .append(hit.text())
          .append("\n\n");
    }
    return out.toString().strip();
  }
}

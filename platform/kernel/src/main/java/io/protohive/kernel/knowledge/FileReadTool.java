package io.protohive.kernel.knowledge;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.kernel.conversation.ConversationTool;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** {@code files_read}: a small file's whole text, with the link that cites it. */
@ApplicationScoped
public class FileReadTool implements ConversationTool {

  private static final ToolSpecification SPECIFICATION =
      ToolSpecification.builder()
          .name("files_read")
          .description(
              "Read a small file of the organization whole, by its id (from a cite link or a"
                  + " message). Cite it by copying its cite link into your answer.")
          .parameters(
              JsonObjectSchema.builder()
                  .addStringProperty("fileId", "The file's id")
                  .required("fileId")
                  .build())
          .build();

  @Inject KnowledgeService knowledge;

  @Override
  public ToolSpecification specification() {
    return SPECIFICATION;
  }

  @Override
  public String call(Caller person, AgentView agent, Map<String, Object> arguments) {
    UUID fileId;
    try {
      fileId = UUID.fromString(String.valueOf(arguments.get("fileId")));
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("fileId", "A file is named by its id.");
    }
    KnowledgeService.FileText read = knowledge.read(person, agent, fileId);
    return read.file().name()
        + "\ncite: "
        + Citations.link(fileId, read.file().name(), null)
        + "\n\n"
        + read.text();
  }
}

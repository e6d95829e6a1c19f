package io.protohive.kernel.knowledge;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.kernel.conversation.AgentWork;
import io.protohive.kernel.conversation.PlatformTool;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/** {@code files_read}: a small file's whole text, with the link that cites it. */
@ApplicationScoped
public class FileReadTool implements PlatformTool {

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
  public boolean inTasks() {
    return true;
  }

  @Override
  public String call(AgentWork work, Map<String, Object> arguments) {
    UUID fileId;
    try {
      fileId = UUID.fromString(String.valueOf(arguments.get("fileId")));
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid("fileId", "A file is named by its id.");
    }
    KnowledgeService.FileText read = knowledge.read(work, fileId);
    return read.file().name()
        + "\ncite: "
        + Citations.link(fileId, read.file().name(), null)
        + "\n\n"
        + read.text();
  }
}

package io.protohive.rest.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class McpToolsTest {

  private final UUID id = UUID.randomUUID();

  @Test
  void argumentsAreReadByTheirTypes() {
    McpTools.Arguments arguments =
        new McpTools.Arguments(Map.of("agentId", id.toString(), "message", "Hi", "limit", 5));

    assertThat(arguments.id("agentId", true)).isEqualTo(id);
    assertThat(arguments.text("message", true)).isEqualTo("Hi");
    assertThat(arguments.number("limit")).isEqualTo(5);
    assertThat(arguments.id("conversationId", false)).isNull();
    assertThat(new McpTools.Arguments(null).number("limit")).isNull();
  }

  @Test
  void aMissingOrMistypedArgumentIsRefusedByName() {
    McpTools.Arguments arguments =
        new McpTools.Arguments(Map.of("agentId", "Ada", "message", 42, "limit", 2.5));

    assertThatThrownBy(() -> arguments.id("agentId", true))
        .isInstanceOf(Rejection.class)
        .hasMessage("agentId must be an id (a UUID).");
    assertThatThrownBy(() -> arguments.text("message", true))
        .hasMessage("message must be a string.");
    assertThatThrownBy(() -> arguments.number("limit")).hasMessage("limit must be a whole number.");
    assertThatThrownBy(() -> arguments.text("title", true)).hasMessage("title is required.");
  }
}

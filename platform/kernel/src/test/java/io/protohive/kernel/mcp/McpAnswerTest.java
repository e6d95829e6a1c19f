package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.modelcontextprotocol.spec.McpSchema;
import io.protohive.plugin.api.ToolResult;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpAnswerTest {

  private static final String PNG = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});

  @Test
  void imagesAndBinaryResourcesBecomeFilesAndTextResourcesAreRead() {
    McpAnswer answer =
        McpAnswer.of(
            result(
                new McpSchema.TextContent("Here you are"),
                new McpSchema.ImageContent(null, PNG, "image/png"),
                new McpSchema.EmbeddedResource(
                    null,
                    new McpSchema.BlobResourceContents(
                        "file:///reports/q3%20sales.csv", "text/csv", PNG)),
                new McpSchema.EmbeddedResource(
                    null,
                    new McpSchema.TextResourceContents("note://1", "text/plain", "Buy honey"))));

    assertThat(answer.error()).isFalse();
    assertThat(answer.files())
        .extracting(ToolResult.Attachment::name, ToolResult.Attachment::mediaType)
        .containsExactly(tuple("image-1.png", "image/png"), tuple("q3_sales.csv", "text/csv"));
    assertThat(answer.files().get(0).content()).containsExactly(1, 2, 3);
    assertThat(answer.text())
        .isEqualTo(
            "Here you are\n[image image-1.png, image/png]\n[resource q3_sales.csv, text/csv]\n"
                + "[the resource note://1]\nBuy honey");
    assertThat(answer.toolResult().attachments()).hasSize(2);
  }

  @Test
  void contentThatIsNotBase64IsNamedAndNotKept() {
    McpAnswer answer = McpAnswer.of(result(new McpSchema.ImageContent(null, "%%%", "image/png")));
    assertThat(answer.files()).isEmpty();
    assertThat(answer.text()).isEqualTo("[image content that is not base64, not kept]");
  }

  @Test
  void aResourceNameCannotClimbOrHide() {
    McpAnswer answer =
        McpAnswer.of(
            result(
                new McpSchema.EmbeddedResource(
                    null,
                    new McpSchema.BlobResourceContents("file:///a/..%2F..%2F.env", null, PNG))));
    assertThat(answer.files().get(0).name()).isEqualTo("env");
  }

  @Test
  void anUnnamedResourceIsNamedByItsKindAndType() {
    McpAnswer answer =
        McpAnswer.of(
            result(
                new McpSchema.EmbeddedResource(
                    null, new McpSchema.BlobResourceContents("blob:", "application/pdf", PNG))));
    assertThat(answer.files().get(0).name()).isEqualTo("resource-1.pdf");
  }

  @Test
  void noContentIsNoText() {
    assertThat(McpAnswer.of(McpSchema.CallToolResult.builder().build()).text()).isEmpty();
  }

  private static McpSchema.CallToolResult result(McpSchema.Content... contents) {
    return McpSchema.CallToolResult.builder().content(List.of(contents)).isError(false).build();
  }
}

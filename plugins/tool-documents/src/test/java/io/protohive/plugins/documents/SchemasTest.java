package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.plugin.api.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas use only what the platform translates for every model: one type per value. */
class SchemasTest {

  @Test
  void everyValueHasOneNamedTypeOrNone() throws Exception {
    for (Tool tool : List.of(new DocxTool(), new PdfTool(), new XlsxTool())) {
      JsonNode schema = new ObjectMapper().readTree(tool.parametersSchema());
      assertThat(schema.get("type").asText()).isEqualTo("object");
      assertThat(schema.findValues("type")).as(tool.id()).allMatch(JsonNode::isTextual);
    }
  }
}

package com.example.protohive.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ToolContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExampleToolTest {

  private final ExampleTool tool = new ExampleTool();

  @Test
  void repeatsTheTextWithTheConfiguredPrefix() {
    ToolContext context =
        ToolContext.builder(UUID.randomUUID())
            .configuration(Configuration.of(Map.of("prefix", "Heard:")))
            .build();

    assertEquals("Heard: hello", tool.invoke(Map.of("text", "hello"), context).content());
  }

  @Test
  void asksForTheTextWhenItIsMissing() {
    ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

    assertTrue(tool.invoke(Map.of(), context).isError());
  }
}

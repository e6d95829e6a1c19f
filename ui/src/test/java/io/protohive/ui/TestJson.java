package io.protohive.ui;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;

/** JSON-P values read from JSON text, as the kernel hands them to the UI. */
public final class TestJson {

  private TestJson() {}

  public static JsonArray array(String json) {
    return Json.createReader(new StringReader(json)).readArray();
  }
}

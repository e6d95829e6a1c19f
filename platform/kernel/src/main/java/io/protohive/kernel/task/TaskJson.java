package io.protohive.kernel.task;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/** Tasks, comments and approvals as the JSON their events carry, the same as the API's. */
final class TaskJson {

  private static final Jsonb JSON = JsonbBuilder.create();

  private TaskJson() {}

  static String of(Object view) {
    return JSON.toJson(view);
  }

  static JsonObject object(Object view) {
    return Json.createReader(new StringReader(of(view))).readObject();
  }
}

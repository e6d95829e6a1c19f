package io.protohive.kernel.task;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Tasks, comments and approvals as the JSON their events carry, the same as the API's. */
final class TaskJson {

  private static final Jsonb JSON = JsonbBuilder.create();

  private TaskJson() {}

  static String of(Object view) {
    return JSON.toJson(view);
  }
}

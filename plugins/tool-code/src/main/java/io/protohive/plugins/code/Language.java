package io.protohive.plugins.code;

import java.util.Locale;
import java.util.Optional;

/** The languages code runs in, each with Debian's interpreter and the file its code is kept in. */
enum Language {
  PYTHON("main.py", "/usr/bin/python3"),
  JAVASCRIPT("main.js", "/usr/bin/node"),
  BASH("main.sh", "/bin/bash");

  private final String script;
  private final String interpreter;

  Language(String script, String interpreter) {
    this.script = script;
    this.interpreter = interpreter;
  }

  String script() {
    return script;
  }

  String interpreter() {
    return interpreter;
  }

  static Optional<Language> named(Object name) {
    if (name == null) {
      return Optional.empty();
    }
    return switch (name.toString().strip().toLowerCase(Locale.ROOT)) {
      case "python", "python3", "py" -> Optional.of(PYTHON);
      case "javascript", "js", "node" -> Optional.of(JAVASCRIPT);
      case "bash", "sh", "shell" -> Optional.of(BASH);
      default -> Optional.empty();
    };
  }
}

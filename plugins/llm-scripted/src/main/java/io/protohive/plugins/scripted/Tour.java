package io.protohive.plugins.scripted;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model's part in the offline demo, when it has no plan: it speaks as the agent whose
 * system prompt begins "You are Name, role.", and plays the agent's part in the platform's tools.
 *
 * <ul>
 *   <li>In a conversation it introduces itself in a few words: the scripted offline model, in the
 *       agent's role, and that a tenant admin connects a real model on the LLM page. A request to
 *       get something done — a message whose first word, after @mentions and an optional "please",
 *       "can you", "could you", "would you" or "will you", is one of {@link #REQUESTS} — becomes a
 *       {@code task_create} call when that tool is offered; after its result it says the task is on
 *       the board and who works on it.
 *   <li>In task work (when {@code task_complete} is offered) an agent with reports delegates one
 *       subtask to each, then completes its task with their results once all are done. An agent
 *       without reports calls once the first tool it is offered that needs no arguments and is not
 *       a task tool, then completes its task with what that tool answered; with no such tool it
 *       completes at once.
 * </ul>
 *
 * Anything else it leaves to the model's other rules.
 */
final class Tour {

  static final Set<String> REQUESTS =
      Set.of(
          "plan",
          "build",
          "write",
          "prepare",
          "create",
          "launch",
          "draft",
          "design",
          "organize",
          "research",
          "review",
          "analyze",
          "fix",
          "ship",
          "implement",
          "set",
          "make");

  static final String CREATE = "task_create";
  private static final String DELEGATE = "task_delegate";
  private static final String COMPLETE = "task_complete";
  private static final String TASK_TOOLS = "task_";

  private static final Pattern INTRODUCTION =
      Pattern.compile("You are ([\\p{L}\\p{N}_-]+), (.+)\\.");
  private static final Pattern POLITE =
      Pattern.compile(
          "(?:please|(?:can|could|would|will) you)\\b[\\s,]*(?:please\\b[\\s,]*)?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MENTIONS = Pattern.compile("^(?:@\\S+[\\s,:]*)+");
  private static final Pattern REPORT = Pattern.compile("^- ([^,]+), (.+)$");
  private static final Pattern SUBTASK =
      Pattern.compile(
          "^- (.*?) \\(([^()]*)\\): (backlog|todo|in progress|waiting for approval|blocked|done"
              + "|cancelled)(?: - (.*))?$");
  private static final Pattern PART = Pattern.compile("^.+'s part: ");
  private static final int TITLE_WORDS = 10;
  private static final int CLAUSE_WORDS = 10;

  private final String name;
  private final String role;
  private final String persona;

  private Tour(String name, String role, String persona) {
    this.name = name;
    this.role = role;
    this.persona = persona;
  }

  /** The tour for the agent the request speaks for, or none when it introduces no agent. */
  static Optional<Tour> of(List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage system) {
        String[] lines = system.text().split("\\R", -1);
        Matcher introduction = INTRODUCTION.matcher(lines[0]);
        if (!introduction.matches()) {
          return Optional.empty();
        }
        String persona = lines.length > 1 ? lines[1] : "";
        return Optional.of(new Tour(introduction.group(1), introduction.group(2), persona));
      }
    }
    return Optional.empty();
  }

  /** The tour's answer, or none when another rule of the model answers. */
  Optional<AiMessage> answer(List<ChatMessage> messages, List<ToolSpecification> tools) {
    if (offers(tools, COMPLETE)) {
      return Optional.of(work(messages, tools));
    }
    ChatMessage last = messages.get(messages.size() - 1);
    if (last instanceof ToolExecutionResultMessage result) {
      return CREATE.equals(result.toolName())
          ? Optional.of(AiMessage.from(created(Script.data(result))))
          : Optional.empty();
    }
    String said = last instanceof UserMessage user && user.hasSingleText() ? user.singleText() : "";
    if (Script.toolAskedFor(said, tools).isPresent()) {
      return Optional.empty();
    }
    Optional<String> request = request(said);
    if (request.isPresent() && offers(tools, CREATE)) {
      return Optional.of(
          AiMessage.from(
              Script.toolCall(
                  CREATE,
                  "{\"title\":"
                      + quote(title(request.get()))
                      + ",\"description\":"
                      + quote(said.strip())
                      + "}")));
    }
    return Optional.of(AiMessage.from(introduction()));
  }

  /** A few words in the agent's role: short, since a person watches them stream. */
  private String introduction() {
    return "This is the scripted offline model as "
        + name
        + ", "
        + role
        + firstPerson().map(clause -> ": " + clause + ".").orElse(".")
        + " A tenant admin connects a real model on the LLM page. Ask me to get something done.";
  }

  /**
   * The first clause of the persona's first sentence about what the agent does, in the agent's own
   * voice, at most {@value #CLAUSE_WORDS} words.
   */
  private Optional<String> firstPerson() {
    for (String sentence : persona.split("(?<=\\.)\\s+")) {
      if (sentence.startsWith("You ") && !sentence.startsWith("You are ")) {
        String clause = sentence.substring("You ".length()).split("[,.;:]", 2)[0];
        String[] words = clause.replace(" your ", " my ").strip().split("\\s+");
        return Optional.of(
            "I "
                + String.join(
                    " ", List.of(words).subList(0, Math.min(words.length, CLAUSE_WORDS))));
      }
    }
    return Optional.empty();
  }

  /** After {@code task_create}: what the platform said, and who works on the task. */
  private static String created(String result) {
    if (!result.contains("on the task board")) {
      return "I could not put it on the task board: " + result;
    }
    return "Done: "
        + result
        + " I work on it now and hand parts to my reports where their roles fit; the task board"
        + " shows every step.";
  }

  /** The words of a request to get something done, without its politeness, or none. */
  static Optional<String> request(String said) {
    String words = MENTIONS.matcher(said.strip()).replaceFirst("");
    Matcher polite = POLITE.matcher(words);
    if (polite.lookingAt()) {
      words = words.substring(polite.end());
    }
    String first = words.split("[^\\p{L}]", 2)[0].toLowerCase(Locale.ROOT);
    return REQUESTS.contains(first) ? Optional.of(words) : Optional.empty();
  }

  /** A short title from a request: its first sentence, at most {@value #TITLE_WORDS} words. */
  static String title(String request) {
    String sentence = request.strip().split("[.!?\\n]", 2)[0].strip();
    String[] words = sentence.split("\\s+");
    String title = String.join(" ", List.of(words).subList(0, Math.min(words.length, TITLE_WORDS)));
    return title.isEmpty()
        ? "Request"
        : Character.toUpperCase(title.charAt(0)) + title.substring(1);
  }

  private AiMessage work(List<ChatMessage> messages, List<ToolSpecification> tools) {
    List<String[]> reports = reports(messages);
    String task = task(messages);
    if (!reports.isEmpty()) {
      if (!called(messages, DELEGATE)) {
        List<ToolExecutionRequest> delegations = new ArrayList<>();
        for (String[] report : reports) {
          delegations.add(
              Script.toolCall(
                  DELEGATE,
                  "{\"title\":"
                      + quote(report[1] + "'s part: " + task)
                      + ",\"description\":"
                      + quote("Your part of \"" + task + "\", as " + report[1] + ".")
                      + ",\"assignee\":"
                      + quote(report[0])
                      + "}"));
        }
        return AiMessage.from(delegations);
      }
      List<String[]> subtasks = subtasks(messages);
      if (!subtasks.isEmpty() && subtasks.stream().allMatch(s -> closed(s[2]))) {
        return complete(combined(task, subtasks));
      }
      return AiMessage.from(
          "I handed the parts of \""
              + task
              + "\" to "
              + String.join(" and ", reports.stream().map(r -> r[0] + " (" + r[1] + ")").toList())
              + "; I combine their results once they are done.");
    }
    Optional<ToolExecutionResultMessage> answered = lastPluginResult(messages);
    if (answered.isPresent()) {
      return complete(
          "As "
              + role
              + " I took care of \""
              + task
              + "\". "
              + answered.get().toolName()
              + " answered: "
              + Script.data(answered.get()));
    }
    for (ToolSpecification tool : tools) {
      if (!tool.name().startsWith(TASK_TOOLS) && needsNoArguments(tool)) {
        return called(messages, tool.name())
            ? complete("As " + role + " I took care of \"" + task + "\".")
            : AiMessage.from(Script.toolCall(tool.name(), "{}"));
      }
    }
    return complete("As " + role + " I took care of \"" + task + "\".");
  }

  private static AiMessage complete(String result) {
    return AiMessage.from(Script.toolCall(COMPLETE, "{\"result\":" + quote(result) + "}"));
  }

  private static String combined(String task, List<String[]> subtasks) {
    StringBuilder result = new StringBuilder("\"").append(task).append("\" is done.");
    for (String[] subtask : subtasks) {
      result
          .append(' ')
          .append(subtask[1])
          .append(": ")
          .append(subtask[3] == null ? subtask[2] + "." : subtask[3]);
    }
    return result.toString();
  }

  private static boolean closed(String status) {
    return status.equals("done") || status.equals("cancelled");
  }

  /** The agent's reports as name and role, from the system prompt's "Your reports:" list. */
  private static List<String[]> reports(List<ChatMessage> messages) {
    List<String[]> reports = new ArrayList<>();
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage system && system.text().contains("\nYour reports:")) {
        String list = system.text().substring(system.text().indexOf("\nYour reports:"));
        for (String line : list.split("\\R")) {
          Matcher report = REPORT.matcher(line);
          if (report.matches()) {
            reports.add(new String[] {report.group(1).strip(), report.group(2).strip()});
          }
        }
      }
    }
    return reports;
  }

  /** The task's title from its brief, without the "Role's part: " its manager gave it. */
  private static String task(List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      if (message instanceof UserMessage user && user.hasSingleText()) {
        for (String line : user.singleText().split("\\R")) {
          if (line.startsWith("Your task: ")) {
            return PART.matcher(line.substring("Your task: ".length()).strip()).replaceFirst("");
          }
        }
      }
    }
    return "the task";
  }

  /** The subtasks in the newest news that lists them: title, assignee, status, result. */
  private static List<String[]> subtasks(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user
          && user.hasSingleText()
          && user.singleText().contains("Your subtasks:")) {
        String text = user.singleText();
        List<String[]> subtasks = new ArrayList<>();
        for (String line : text.substring(text.indexOf("Your subtasks:")).split("\\R")) {
          Matcher subtask = SUBTASK.matcher(line);
          if (subtask.matches()) {
            subtasks.add(
                new String[] {
                  subtask.group(1), subtask.group(2), subtask.group(3), subtask.group(4)
                });
          }
        }
        return subtasks;
      }
    }
    return List.of();
  }

  private static boolean called(List<ChatMessage> messages, String tool) {
    return messages.stream()
        .filter(AiMessage.class::isInstance)
        .map(AiMessage.class::cast)
        .filter(AiMessage::hasToolExecutionRequests)
        .flatMap(ai -> ai.toolExecutionRequests().stream())
        .anyMatch(call -> call.name().equals(tool));
  }

  private static Optional<ToolExecutionResultMessage> lastPluginResult(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof ToolExecutionResultMessage result
          && !result.toolName().startsWith(TASK_TOOLS)) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }

  private static boolean offers(List<ToolSpecification> tools, String name) {
    return tools.stream().anyMatch(tool -> tool.name().equals(name));
  }

  private static boolean needsNoArguments(ToolSpecification tool) {
    return tool.parameters() == null
        || tool.parameters().required() == null
        || tool.parameters().required().isEmpty();
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}

package io.protohive.plugins.scripted;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.plugin.api.Configuration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the scripted model's answer to a request, deterministically: the plan's step for this
 * turn if there is one; without a plan, the agent's part in the offline demo ({@link Tour}) where
 * it has one; else a tool result repeated ({@link #data}), a tool called because the user asked to
 * "use" it, or the user's words echoed. Tokens are counted as words, the same way every time.
 *
 * <p>Several agents may share one configuration, so a plan line may be addressed to one of them
 * with an {@code @Name:} prefix; an agent is known by its system message, which begins "You are
 * Name, ...". Each agent follows its own lines and the unaddressed ones, in plan order.
 */
final class Script {

  private static final String NAME = "[\\p{L}\\p{N}_-]+";
  private static final Pattern ADDRESSED = Pattern.compile("@(" + NAME + "):(.*)");
  private static final Pattern INTRODUCTION =
      Pattern.compile("You are (" + NAME + ")(?:[,.\\s]|$)");

  private static final Pattern ENVELOPE =
      Pattern.compile("<tool-output[^>]*>\\n(.*)\\n</tool-output>", Pattern.DOTALL);

  /** A tool call step, {@code call: tool {...}}, or {@code call#id: tool {...}} to set its id. */
  private static final Pattern CALL = Pattern.compile("call(?:#([\\w-]+))?:(.*)", Pattern.DOTALL);

  /** One plan line; {@code agent} is null when the line is for every agent. */
  private record Line(String agent, String step) {

    static Line parse(String line) {
      Matcher addressed = ADDRESSED.matcher(line);
      return addressed.matches()
          ? new Line(addressed.group(1), addressed.group(2))
          : new Line(null, line);
    }

    boolean isFor(String speaker) {
      return agent == null || agent.equals(speaker);
    }
  }

  private final List<Line> plan;

  private Script(List<Line> plan) {
    this.plan = plan;
  }

  static Script of(Configuration configuration) {
    return new Script(configuration.list("plan").stream().map(Line::parse).toList());
  }

  ChatResponse answer(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    String speaker = speaker(messages);
    List<String> steps = plan.stream().filter(l -> l.isFor(speaker)).map(Line::step).toList();
    long turn = messages.stream().filter(AiMessage.class::isInstance).count();
    List<ToolSpecification> tools = request.toolSpecifications();
    AiMessage reply;
    if (turn < steps.size()) {
      reply = step(steps.get((int) turn));
    } else if (plan.isEmpty()) {
      reply =
          Tour.of(messages)
              .flatMap(tour -> tour.answer(messages, tools))
              .orElseGet(() -> byRule(messages, tools));
    } else {
      reply = byRule(messages, tools);
    }
    return ChatResponse.builder()
        .aiMessage(reply)
        .modelName(ScriptedProvider.MODEL)
        .tokenUsage(new TokenUsage(words(messages), words(reply)))
        .finishReason(
            reply.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  /** The agent the request speaks for, from its first system message; null if it names none. */
  private static String speaker(List<ChatMessage> messages) {
    for (ChatMessage message : messages) {
      if (message instanceof SystemMessage system) {
        Matcher introduction = INTRODUCTION.matcher(system.text());
        return introduction.lookingAt() ? introduction.group(1) : null;
      }
    }
    return null;
  }

  private static AiMessage step(String line) {
    String step = line.strip();
    Matcher calling = CALL.matcher(step);
    if (calling.matches()) {
      String call = calling.group(2).strip();
      int space = call.indexOf(' ');
      String tool = space < 0 ? call : call.substring(0, space);
      String arguments = space < 0 ? "{}" : call.substring(space + 1).strip();
      String id = calling.group(1) == null ? callId(tool, arguments) : calling.group(1);
      return AiMessage.from(
          ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build());
    }
    return AiMessage.from(step.startsWith("say:") ? step.substring("say:".length()).strip() : step);
  }

  private static AiMessage byRule(List<ChatMessage> messages, List<ToolSpecification> tools) {
    ChatMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
    if (last instanceof ToolExecutionResultMessage result) {
      return AiMessage.from("The tool " + result.toolName() + " answered: " + data(result));
    }
    String said = last instanceof UserMessage user && user.hasSingleText() ? user.singleText() : "";
    return toolAskedFor(said, tools)
        .map(tool -> AiMessage.from(toolCall(tool.name(), "{}")))
        .orElseGet(() -> AiMessage.from("This is the scripted offline model. You said: " + said));
  }

  /**
   * What the tool returned: the platform hands results over inside an envelope that marks them as
   * data, and the model repeats what is inside.
   */
  static String data(ToolExecutionResultMessage result) {
    Matcher enveloped = ENVELOPE.matcher(result.text());
    return enveloped.matches() ? enveloped.group(1) : result.text();
  }

  /** The offered tool the user asked to "use" by name, if any. */
  static Optional<ToolSpecification> toolAskedFor(String said, List<ToolSpecification> tools) {
    String lower = said.toLowerCase(Locale.ROOT);
    return tools.stream()
        .filter(tool -> lower.contains("use " + tool.name().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  static ToolExecutionRequest toolCall(String tool, String arguments) {
    return ToolExecutionRequest.builder()
        .id(callId(tool, arguments))
        .name(tool)
        .arguments(arguments)
        .build();
  }

  /** The same id for the same call, as a replayed conversation needs. */
  private static String callId(String tool, String arguments) {
    return "call-"
        + UUID.nameUUIDFromBytes((tool + arguments).getBytes(StandardCharsets.UTF_8))
            .toString()
            .substring(0, 8);
  }

  private static int words(List<ChatMessage> messages) {
    return messages.stream().mapToInt(m -> words(text(m))).sum();
  }

  private static String text(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      return user.hasSingleText() ? user.singleText() : "";
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return message instanceof AiMessage ai ? String.valueOf(ai.text()) : "";
  }

  private static int words(AiMessage message) {
    if (message.hasToolExecutionRequests()) {
      return message.toolExecutionRequests().stream()
          .mapToInt(r -> words(r.name() + " " + r.arguments()))
          .sum();
    }
    return words(message.text());
  }

  static int words(String text) {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }
}

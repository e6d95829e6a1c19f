package io.protohive.kernel.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.organization.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Where an agent thinks, in a conversation's turn, a moderation and a task's session alike: step by
 * step it asks the model, streamed through the gateway (metered, budgeted, held to the first-token
 * limit), and hands the tools the model calls to its owner, whose tools and approval policy run
 * them; the model reads their results marked as data ({@link ToolOutput}), until the model answers,
 * a call stops the work, a person stops the agent or it reaches its step limit. What differs, where
 * the steps are traced and the answer stored, is the owner's {@link Hooks}.
 */
@ApplicationScoped
public class AgentLoop {

  @Inject LlmGateway gateway;

  /** What the owner of a loop does at its steps. */
  public interface Hooks {

    /** Whether a person stopped the agent; asked before every step and while the model streams. */
    default boolean stopped() {
      return false;
    }

    /** A piece of the answer, as the model streams it. */
    default void streamed(String text) {}

    /** The model is asked, with these messages. */
    default void asking(List<ChatMessage> messages) {}

    /** The model responded, after this many milliseconds. */
    default void responded(ChatResponse response, long latencyMillis) {}

    /** The model answered without calling a tool: the work of this loop is done. */
    void answered(ChatResponse response);

    /**
     * Runs the tools the model called.
     *
     * @return their results for the model, or none when the loop ends here: a call waits for a
     *     person's approval, or ended the work
     */
    Optional<List<ToolExecutionResultMessage>> called(AiMessage calls);

    /** The agent took its last step without answering. */
    void exhausted(int steps);
  }

  /**
   * Runs the agent's steps.
   *
   * @param messages the context, to which every step's answer and tool results are added
   * @param tools offered to the model; none for a plain answer
   * @throws CancellationException when a person stopped the agent
   */
  public void run(
      CallScope scope,
      AgentView agent,
      List<ChatMessage> messages,
      List<ToolSpecification> tools,
      Hooks hooks) {
    for (int step = 1; step <= agent.maxSteps(); step++) {
      ChatRequest request = ask(agent, messages, tools, hooks);
      long started = System.nanoTime();
      ChatResponse response = gateway.stream(scope, request, hooks::streamed, hooks::stopped);
      if (!goesOn(response, started, messages, hooks)) {
        return;
      }
    }
    hooks.exhausted(agent.maxSteps());
  }

  /**
   * Runs the agent's steps without holding a thread while the model streams: each step goes on,
   * tools and hooks included, on the thread that the gateway completes its answer on.
   *
   * @param messages the context, to which every step's answer and tool results are added
   * @param tools offered to the model; none for a plain answer
   * @return done when the loop ended; completed with a {@link CancellationException} when a person
   *     stopped the agent, or with what a step or hook threw
   */
  public CompletableFuture<Void> runAsync(
      CallScope scope,
      AgentView agent,
      List<ChatMessage> messages,
      List<ToolSpecification> tools,
      Hooks hooks) {
    return step(1, scope, agent, messages, tools, hooks);
  }

  private CompletableFuture<Void> step(
      int step,
      CallScope scope,
      AgentView agent,
      List<ChatMessage> messages,
      List<ToolSpecification> tools,
      Hooks hooks) {
    if (step > agent.maxSteps()) {
      hooks.exhausted(agent.maxSteps());
      return CompletableFuture.completedFuture(null);
    }
    ChatRequest request;
    try {
      request = ask(agent, messages, tools, hooks);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    long started = System.nanoTime();
    return gateway
        .streamAsync(scope, request, hooks::streamed, hooks::stopped)
        .thenCompose(
            // the next step, tools included, is part of the run's trace on whichever thread
            PlatformTraces.carrying(
                response ->
                    goesOn(response, started, messages, hooks)
                        ? step(step + 1, scope, agent, messages, tools, hooks)
                        : CompletableFuture.<Void>completedFuture(null)));
  }

  /** The step's request to the model, once the agent is known not to be stopped. */
  private static ChatRequest ask(
      AgentView agent, List<ChatMessage> messages, List<ToolSpecification> tools, Hooks hooks) {
    if (hooks.stopped()) {
      throw new CancellationException("Stopped by a person.");
    }
    List<ChatMessage> prompt = ToolOutput.marked(messages);
    ChatRequest.Builder request = ChatRequest.builder().messages(prompt);
    if (!tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    if (agent.temperature() != null) {
      request.temperature(agent.temperature());
    }
    hooks.asking(prompt);
    return request.build();
  }

  /**
   * Hands the model's response to the hooks: its answer ends the loop, its tool calls run.
   *
   * @return whether the loop takes another step
   */
  private static boolean goesOn(
      ChatResponse response, long started, List<ChatMessage> messages, Hooks hooks) {
    hooks.responded(response, (System.nanoTime() - started) / 1_000_000);
    AiMessage answer = response.aiMessage();
    messages.add(answer);
    if (!answer.hasToolExecutionRequests()) {
      hooks.answered(response);
      return false;
    }
    Optional<List<ToolExecutionResultMessage>> results = hooks.called(answer);
    if (results.isEmpty()) {
      return false;
    }
    messages.addAll(results.get());
    return true;
  }
}

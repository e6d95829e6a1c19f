package io.protohive.kernel.agent;

import io.protohive.kernel.llm.LlmGateway;

/** Agent loops for tests, over a gateway the test provides. */
public final class AgentLoops {

  private AgentLoops() {}

  public static AgentLoop over(LlmGateway gateway) {
    AgentLoop loop = new AgentLoop();
    loop.gateway = gateway;
    return loop;
  }
}

package io.protohive.kernel.conversation;

/**
 * How a conversation's next speaker is chosen when nobody is @mentioned. Whatever the way, agents
 * answer each other at most {@link AgentRuntime#MAX_AGENT_TURNS} times before a person speaks.
 */
public enum SpeakerSelection {
  /** The first agent answers a person; an agent hands over by @mentioning another. */
  MENTION,
  /** Every agent answers in turn, once per message of a person. */
  ROUND_ROBIN,
  /** A moderator agent reads the conversation and names who speaks next, or nobody. */
  MODERATOR
}

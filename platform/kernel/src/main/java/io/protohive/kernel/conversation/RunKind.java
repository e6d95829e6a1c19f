package io.protohive.kernel.conversation;

/** What an agent's run is for. */
public enum RunKind {
  /** The agent answers in the conversation. */
  ANSWER,
  /** The moderator picks who speaks next and says nothing itself. */
  MODERATION
}

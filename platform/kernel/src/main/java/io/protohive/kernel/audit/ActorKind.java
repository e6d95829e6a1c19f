package io.protohive.kernel.audit;

/**
 * How the actor of an audit entry proved who it is. Agents act in the runs a person's request
 * started (a message, a task): their work carries that request's trace id.
 */
public enum ActorKind {
  /** A person signed in, through the UI or with an access token. */
  PERSON,
  /** A personal or service account's API token. */
  API_TOKEN,
  /** A platform admin, who belongs to no tenant. */
  PLATFORM_ADMIN
}

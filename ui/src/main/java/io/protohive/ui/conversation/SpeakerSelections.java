package io.protohive.ui.conversation;

import io.protohive.kernel.conversation.SpeakerSelection;

/** How each way of choosing the next speaker is named and explained to people. */
final class SpeakerSelections {

  private SpeakerSelections() {}

  static String label(SpeakerSelection selection) {
    return switch (selection) {
      case MENTION -> "By @mention";
      case ROUND_ROBIN -> "Round robin";
      case MODERATOR -> "Moderator";
    };
  }

  static String description(SpeakerSelection selection) {
    return switch (selection) {
      case MENTION -> "The first agent answers; an agent hands over by @mentioning another.";
      case ROUND_ROBIN -> "Every agent answers in turn, once for each message of a person.";
      case MODERATOR -> "A moderator agent reads along and picks who speaks next.";
    };
  }
}

package io.protohive.kernel.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The rules that pick a conversation's next speaker, apart from the moderator's judgement. */
final class NextSpeaker {

  private NextSpeaker() {}

  /** The first participant other than {@code except} that the words @mention by name. */
  static Optional<UUID> mentioned(
      String words, List<UUID> participants, Map<UUID, String> names, UUID except) {
    String lower = words.toLowerCase(Locale.ROOT);
    return participants.stream()
        .filter(id -> !id.equals(except))
        .filter(
            id -> {
              String name = names.get(id);
              return name != null && lower.contains("@" + name.toLowerCase(Locale.ROOT));
            })
        .findFirst();
  }

  /** The participant after {@code previous} in the conversation's order; the first after none. */
  static UUID after(List<UUID> participants, UUID previous) {
    int index = previous == null ? -1 : participants.indexOf(previous);
    return participants.get((index + 1) % participants.size());
  }

  /**
   * The participant a moderator's reply names as a whole word, or none when it names nobody (the
   * person speaks next).
   */
  static Optional<UUID> named(String reply, List<UUID> participants, Map<UUID, String> names) {
    String text = reply == null ? "" : reply;
    UUID chosen = null;
    int earliest = Integer.MAX_VALUE;
    for (UUID id : participants) {
      String name = names.get(id);
      if (name == null) {
        continue;
      }
      var match =
          Pattern.compile(
                  "\\b" + Pattern.quote(name) + "\\b",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
              .matcher(text);
      if (match.find() && match.start() < earliest) {
        earliest = match.start();
        chosen = id;
      }
    }
    return Optional.ofNullable(chosen);
  }
}

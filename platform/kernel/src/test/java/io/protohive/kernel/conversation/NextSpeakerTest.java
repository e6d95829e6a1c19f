package io.protohive.kernel.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NextSpeakerTest {

  private final UUID ada = UUID.randomUUID();
  private final UUID bea = UUID.randomUUID();
  private final UUID cy = UUID.randomUUID();
  private final List<UUID> participants = List.of(ada, bea, cy);
  private final Map<UUID, String> names = Map.of(ada, "Ada", bea, "Bea", cy, "Cy");

  @Test
  void aMentionNamesAnotherParticipantButNeverTheSpeakerItself() {
    assertThat(NextSpeaker.mentioned("Thanks @ada, @Cy?", participants, names, ada)).contains(cy);
    assertThat(NextSpeaker.mentioned("Ada and Cy, over to you", participants, names, null))
        .as("a name without @")
        .isEmpty();
  }

  @Test
  void roundRobinGoesOnAfterThePreviousSpeakerAndWrapsAround() {
    assertThat(NextSpeaker.after(participants, null)).isEqualTo(ada);
    assertThat(NextSpeaker.after(participants, bea)).isEqualTo(cy);
    assertThat(NextSpeaker.after(participants, cy)).isEqualTo(ada);
    assertThat(NextSpeaker.after(participants, UUID.randomUUID()))
        .as("someone who left the conversation")
        .isEqualTo(ada);
  }

  @Test
  void aModeratorsReplyNamesTheFirstParticipantItMentionsAsAWord() {
    assertThat(NextSpeaker.named("Cy should answer, then maybe Ada.", participants, names))
        .contains(cy);
    assertThat(NextSpeaker.named("BEA", participants, names)).contains(bea);
    assertThat(NextSpeaker.named("Cyril knows; NOBODY else", participants, names))
        .as("a name inside another word")
        .isEmpty();
    assertThat(NextSpeaker.named(null, participants, names)).isEmpty();
  }
}

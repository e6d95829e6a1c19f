package io.protohive.kernel.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  private final UUID a = UUID.randomUUID();
  private final UUID b = UUID.randomUUID();
  private final UUID c = UUID.randomUUID();
  private final UUID d = UUID.randomUUID();

  @Test
  void anItemBothRankingsHoldOutranksTheFirstOfOnlyOne() {
    Map<UUID, Double> fused = ReciprocalRankFusion.fuse(List.of(List.of(a, b, c), List.of(d, c)));

    assertThat(fused.keySet()).containsExactly(c, a, d, b);
    assertThat(fused.get(c)).isCloseTo(1.0 / 63 + 1.0 / 62, within(1e-12));
    assertThat(fused.get(a)).isCloseTo(1.0 / 61, within(1e-12));
  }

  @Test
  void tiesKeepTheOrderInWhichTheRankingsNameThem() {
    Map<UUID, Double> fused = ReciprocalRankFusion.fuse(List.of(List.of(a), List.of(b)));

    assertThat(fused.keySet()).containsExactly(a, b);
  }

  @Test
  void noRankingsFuseToNothing() {
    assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
  }
}

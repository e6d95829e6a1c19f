package io.protohive.kernel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

  private final PlatformSettings settings = new PlatformSettings();

  {
    settings.embeddedDatabasePort = 15432;
    settings.databaseUrl = Optional.empty();
  }

  @Test
  void runsItsOwnDatabaseWhenNoneIsConfigured() {
    assertThat(settings.databaseMode()).isEqualTo(DatabaseMode.EMBEDDED);
    assertThat(settings.databaseAddress()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/postgres");
  }

  @Test
  void runsItsOwnDatabaseWhenTheUrlIsTheEmbeddedOne() {
    settings.databaseUrl = Optional.of("jdbc:postgresql://127.0.0.1:15432/postgres");

    assertThat(settings.databaseMode()).isEqualTo(DatabaseMode.EMBEDDED);
  }

  @Test
  void usesAnExternalDatabaseAndHidesItsParameters() {
    settings.databaseUrl = Optional.of("jdbc:postgresql://db.internal:5432/protohive?password=x");

    assertThat(settings.databaseMode()).isEqualTo(DatabaseMode.EXTERNAL);
    assertThat(settings.databaseAddress())
        .isEqualTo("jdbc:postgresql://db.internal:5432/protohive");
  }
}

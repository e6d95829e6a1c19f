package io.protohive.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteSubjectTest {

  private static final String ORGANIZATION = UUID.randomUUID().toString();
  private static final String AGENT = UUID.randomUUID().toString();

  @Test
  void theInnermostParameterIsTheTargetAndTheOrganizationIsNamedEitherWay() {
    assertThat(
            RouteSubject.of(
                "/api/v1/organizations/{id}/members/{userId}",
                Map.of("id", ORGANIZATION, "userId", AGENT)::get))
        .isEqualTo(new RouteSubject(UUID.fromString(ORGANIZATION), AGENT));
    assertThat(
            RouteSubject.of(
                "/organizations/{organizationId}/files",
                Map.of("organizationId", ORGANIZATION)::get))
        .isEqualTo(new RouteSubject(UUID.fromString(ORGANIZATION), ORGANIZATION));
  }

  @Test
  void anIdOutsideOrganizationsIsNoOrganization() {
    assertThat(RouteSubject.of("/api/v1/agents/{id}", Map.of("id", AGENT)::get))
        .isEqualTo(new RouteSubject(null, AGENT));
    assertThat(RouteSubject.of("/api/v1/tenant/audit", Map.<String, String>of()::get))
        .isEqualTo(new RouteSubject(null, null));
  }

  @Test
  void anOrganizationThatIsNoIdIsNone() {
    assertThat(RouteSubject.of("/api/v1/organizations/{id}", Map.of("id", "not-an-id")::get))
        .isEqualTo(new RouteSubject(null, "not-an-id"));
  }
}

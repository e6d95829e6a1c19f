package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The single-use links mailed for password resets and invitations, attacked over HTTP. */
@ExtendWith(ArquillianExtension.class)
class AccountLinksIT {

  private static final String RESET = "/reset-password?token=";
  private static final int PARALLEL = 8;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void theDatabaseHoldsOnlyTheHashOfAMailedToken() throws Exception {
    String email = signUp();
    requestReset(email);
    String token = Accounts.mailedToken(email, RESET);

    assertThat(
            PlatformIT.query(
                "select count(*) from account_token where token_hash = '" + sha256(token) + "'"))
        .isEqualTo("1");
    assertThat(
            PlatformIT.query(
                "select count(*) from account_token where token_hash like '%" + token + "%'"))
        .isEqualTo("0");
  }

  @Test
  void aNewResetLinkRevokesTheOlderOne() throws Exception {
    String email = signUp();
    requestReset(email);
    String older = Accounts.mailedToken(email, RESET);
    requestReset(email);
    String newer = Accounts.mailedToken(email, RESET);
    assertThat(newer).isNotEqualTo(older);

    assertThat(reset(older, "an attacker's passphrase").statusCode())
        .as("the older link")
        .isEqualTo(400);
    assertThat(reset(newer, "the owner's new passphrase").statusCode()).isEqualTo(204);
    assertThat(Accounts.login(email, "the owner's new passphrase").statusCode()).isEqualTo(200);
  }

  @Test
  void aLinkRedeemedByParallelRequestsWorksOnce() throws Exception {
    String email = signUp();
    requestReset(email);
    String token = Accounts.mailedToken(email, RESET);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    List<Future<Integer>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < PARALLEL; i++) {
        String password = "racing passphrase number " + i;
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  return reset(token, password).statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> outcome : outcomes) {
        statuses.add(outcome.get());
      }
      assertThat(statuses).containsOnly(204, 400).containsOnlyOnce(204);
    } finally {
      pool.shutdownNow();
    }
    assertThat(PlatformIT.query(auditOf(email, "PASSWORD_RESET"))).isEqualTo("1");
  }

  private static String signUp() throws Exception {
    String email = Accounts.newEmail("links", "example.com");
    assertThat(Accounts.register(email, Accounts.PASSWORD, "demo").statusCode()).isEqualTo(201);
    return email;
  }

  private static void requestReset(String email) throws Exception {
    assertThat(
            Platform.post("api/v1/auth/forgot-password", "{\"email\":\"" + email + "\"}")
                .statusCode())
        .isEqualTo(202);
  }

  private static HttpResponse<String> reset(String token, String password) throws Exception {
    return Platform.post(
        "api/v1/auth/reset-password",
        "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
  }

  private static String auditOf(String email, String action) {
    return "select count(*) from audit_event where subject = '"
        + email
        + "' and action = '"
        + action
        + "'";
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }
}

package io.protohive.kernel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.mail.MailMessage.Delivery;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailMessageTest {

  private static final String LINK = "https://hive.example.com/reset-password?token=s3cr3t";
  private static final String BODY = "Hello,\n\nopen this link:\n\n" + LINK + "\n\nBye.\n";

  @Test
  void aMailCarriedBySmtpIsRecordedWithoutItsLinks() {
    MailMessage recorded = mail(Delivery.SMTP);

    assertThat(recorded.body())
        .doesNotContain(LINK, "s3cr3t")
        .contains("open this link", MailMessage.REMOVED, "Bye.");
  }

  @Test
  void theOutboxKeepsTheLinksForItIsTheOnlyWayToReadTheMail() {
    assertThat(mail(Delivery.OUTBOX).body()).isEqualTo(BODY);
  }

  private static MailMessage mail(Delivery delivery) {
    return new MailMessage(null, "ada@example.com", "Reset", BODY, List.of(LINK), delivery);
  }
}

package io.protohive.kernel.mail;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail over SMTP (Jakarta Mail) when an SMTP host is configured; otherwise holds it in the
 * dev outbox, where platform admins read it ({@code MailOutbox}), so the embedded default works
 * with no mail server. Every mail is recorded either way, without its secrets when SMTP carries it.
 */
@ApplicationScoped
public class Mailer {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject
  @ConfigProperty(name = "protohive.mail.smtp.host")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = "protohive.mail.smtp.port", defaultValue = "25")
  int smtpPort;

  @Inject
  @ConfigProperty(
      name = "protohive.mail.from",
      defaultValue = "ProtoHive <no-reply@protohive.local>")
  String from;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void send(UUID tenantId, String recipient, String subject, String body) {
    send(tenantId, recipient, subject, body, List.of());
  }

  /**
   * @param secrets parts of the body, such as a sign-in link, that only the recipient may read
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void send(
      UUID tenantId, String recipient, String subject, String body, List<String> secrets) {
    MailMessage message =
        new MailMessage(
            tenantId,
            recipient,
            subject,
            body,
            secrets,
            smtpHost.isPresent() ? MailMessage.Delivery.SMTP : MailMessage.Delivery.OUTBOX);
    if (smtpHost.isPresent()) {
      try {
        Transport.send(mime(recipient, subject, body));
        message.sent();
      } catch (MessagingException e) {
        // the server's answer may quote the address, so the reason stays in the mail's row
        LOG.warning(
            () -> "A mail was not sent (" + e.getClass().getSimpleName() + "); see its outbox row");
        message.failed(e.getMessage());
      }
    }
    entityManager.persist(message);
  }

  private MimeMessage mime(String recipient, String subject, String body)
      throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtpHost.orElseThrow());
    properties.put("mail.smtp.port", String.valueOf(smtpPort));
    MimeMessage mime = new MimeMessage(Session.getInstance(properties));
    mime.setFrom(new InternetAddress(from));
    mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient));
    mime.setSubject(subject, "UTF-8");
    mime.setText(body, "UTF-8");
    return mime;
  }
}

package io.protohive.kernel.system;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mail.MailMessage;
import io.protohive.kernel.mail.MailView;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * The mail the platform sent or holds in its dev outbox, for platform admins. The mailer sits below
 * the accounts, which send through it, and so below the authorization that reads them; the platform
 * admin's question is asked here, above both.
 */
@ApplicationScoped
public class MailOutbox {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;

  /**
   * The newest mails first, for a platform admin: the dev outbox, and a record of what was sent.
   */
  @Transactional
  @AsPlatform
  public Page<MailView> recent(Caller caller, Integer limit, String cursor) {
    authorization.platformAdmin(caller);
    PageRequest page = PageRequest.of(limit, cursor);
    TypedQuery<MailMessage> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select m from MailMessage m"
                        + page.where(null, "m.createdAt", "m.id", PageRequest.Order.NEWEST_FIRST)
                        + " order by m.createdAt desc, m.id desc",
                    MailMessage.class)
                .setMaxResults(page.fetch()));
    return page.page(
        query.getResultStream().map(MailView::of).toList(),
        mail -> Cursor.of(mail.createdAt(), mail.id()));
  }
}

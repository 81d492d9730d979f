package io.marquee.notifications.application;

import io.marquee.notifications.domain.MailMessage;
import io.marquee.notifications.domain.Notification;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantDirectory;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * One tenant's mail round: collect from the outbox and deadlines, then send what is due. Runs in
 * its own request context with the tenant set, so brand and tenant services work as in a request.
 * Delivery is at least once: a crash between handing a mail to SMTP and marking it sent resends it.
 */
@ApplicationScoped
public class NotificationDispatcher {
  private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class.getName());

  @Inject TenantDirectory directory;
  @Inject TenantContext context;
  @Inject NotificationQueue queue;
  @Inject MailComposer composer;
  @Inject NotificationChannel channel;

  /** Returns the number of mails handed to the channel. */
  @ActivateRequestContext
  public int dispatch(String slug) {
    Optional<TenantSnapshot> t = directory.findBySlug(slug);
    if (t.isEmpty()) {
      return 0;
    }
    context.set(t.get());
    String schema = t.get().schema();
    queue.collect(schema);
    queue.remind(schema);
    int sent = 0;
    for (Notification n : queue.due(schema, 50)) {
      try {
        Optional<MailMessage> mail = composer.compose(t.get(), n);
        if (mail.isEmpty()) {
          queue.dropped(schema, n.id());
          continue;
        }
        channel.send(mail.get());
        queue.sent(schema, n.id(), mail.get().subject());
        sent++;
      } catch (NotificationChannel.DeliveryFailure | RuntimeException e) {
        LOG.warning(() -> "mail " + n.kind() + " to tenant " + slug + " failed: " + e);
        queue.failed(schema, n, String.valueOf(e.getMessage()));
      }
    }
    return sent;
  }
}

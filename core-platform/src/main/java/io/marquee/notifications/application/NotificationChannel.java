package io.marquee.notifications.application;

import io.marquee.notifications.domain.MailMessage;

/**
 * Where messages leave the platform. Email over SMTP is the one channel today; SMS and WhatsApp
 * adapters implement the same interface.
 */
public interface NotificationChannel {
  /** Sends the message or throws: the caller retries later. */
  void send(MailMessage message) throws DeliveryFailure;

  /** The message could not be handed over (server down, refused recipient). */
  final class DeliveryFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public DeliveryFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

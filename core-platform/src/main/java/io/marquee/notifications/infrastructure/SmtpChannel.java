package io.marquee.notifications.infrastructure;

import io.marquee.notifications.application.NotificationChannel;
import io.marquee.notifications.domain.MailMessage;
import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email over SMTP (Jakarta Mail). Locally the run command starts an SMTP catcher on port 3025;
 * production points {@code marquee.mail.*} at a real relay (with STARTTLS and credentials).
 */
@ApplicationScoped
public class SmtpChannel implements NotificationChannel {
  @Inject
  @ConfigProperty(name = "marquee.mail.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "marquee.mail.port", defaultValue = "3025")
  int port;

  @Inject
  @ConfigProperty(name = "marquee.mail.from", defaultValue = "tickets@marquee.localhost")
  String from;

  @Inject
  @ConfigProperty(name = "marquee.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "marquee.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "marquee.mail.starttls", defaultValue = "false")
  boolean starttls;

  private Session session() {
    Properties p = new Properties();
    p.put("mail.smtp.host", host);
    p.put("mail.smtp.port", String.valueOf(port));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.writetimeout", "10000");
    p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
    p.put("mail.smtp.starttls.required", String.valueOf(starttls));
    if (username.isPresent()) {
      p.put("mail.smtp.auth", "true");
      return Session.getInstance(
          p,
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(username.get(), password.orElse(""));
            }
          });
    }
    return Session.getInstance(p);
  }

  @Override
  public void send(MailMessage m) throws DeliveryFailure {
    try {
      MimeMessage mime = new MimeMessage(session());
      // The tenant's name as the sender's display name: the attendee sees their brand, not ours.
      mime.setFrom(new InternetAddress(from, m.fromName(), StandardCharsets.UTF_8.name()));
      mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(m.to(), true));
      mime.setSubject(m.subject(), StandardCharsets.UTF_8.name());

      MimeMultipart alternative = new MimeMultipart("alternative");
      MimeBodyPart text = new MimeBodyPart();
      text.setText(m.text(), StandardCharsets.UTF_8.name());
      alternative.addBodyPart(text);
      MimeMultipart related = new MimeMultipart("related");
      MimeBodyPart html = new MimeBodyPart();
      html.setContent(m.html(), "text/html; charset=UTF-8");
      related.addBodyPart(html);
      MimeMultipart mixed = new MimeMultipart("mixed");
      for (MailMessage.Part part : m.parts()) {
        MimeBodyPart b = new MimeBodyPart();
        b.setDataHandler(
            new DataHandler(new ByteArrayDataSource(part.bytes(), part.contentType())));
        b.setFileName(part.fileName());
        if (part.contentId() != null) {
          b.setContentID("<" + part.contentId() + ">");
          b.setDisposition(MimeBodyPart.INLINE);
          related.addBodyPart(b);
        } else {
          b.setDisposition(MimeBodyPart.ATTACHMENT);
          mixed.addBodyPart(b);
        }
      }
      MimeBodyPart relatedPart = new MimeBodyPart();
      relatedPart.setContent(related);
      alternative.addBodyPart(relatedPart);
      MimeBodyPart alternativePart = new MimeBodyPart();
      alternativePart.setContent(alternative);
      mixed.addBodyPart(alternativePart, 0);
      mime.setContent(mixed);
      mime.saveChanges();
      Transport.send(mime);
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new DeliveryFailure("SMTP " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }
}

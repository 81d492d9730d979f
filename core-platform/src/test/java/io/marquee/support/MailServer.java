package io.marquee.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) for the whole test run, on the port the test Liberty server sends
 * to. Tests find their mails by recipient: every test uses addresses of its own.
 */
public final class MailServer {
  private static GreenMail mail;

  private MailServer() {}

  public static synchronized GreenMail get() {
    if (mail == null) {
      mail =
          new GreenMail(
              new ServerSetup(
                  Integer.getInteger("marquee.it.smtpPort", 3125), "127.0.0.1", "smtp"));
      mail.start();
      Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    }
    return mail;
  }

  /** Mails delivered so far to {@code to}. */
  public static List<MimeMessage> to(String to) {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : get().getReceivedMessages()) {
      try {
        for (Address a : m.getRecipients(Message.RecipientType.TO)) {
          if (a.toString().toLowerCase().contains(to.toLowerCase())) {
            out.add(m);
          }
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Waits up to 60 s for a mail to {@code to} whose subject matches. */
  public static MimeMessage await(String to, Predicate<String> subject) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      for (MimeMessage m : to(to)) {
        try {
          if (subject.test(m.getSubject())) {
            return m;
          }
        } catch (jakarta.mail.MessagingException e) {
          throw new IllegalStateException(e);
        }
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no mail to " + to + " with a matching subject arrived in 60 s");
  }

  /** Every MIME part of a message, depth first. */
  public static List<Part> parts(Part p) {
    List<Part> out = new ArrayList<>();
    out.add(p);
    try {
      if (p.getContent() instanceof Multipart mp) {
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart b = mp.getBodyPart(i);
          out.addAll(parts(b));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The HTML body of a message. */
  public static String html(MimeMessage m) {
    try {
      for (Part p : parts(m)) {
        if (p.isMimeType("text/html")) {
          return (String) p.getContent();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("the mail has no HTML part");
  }
}

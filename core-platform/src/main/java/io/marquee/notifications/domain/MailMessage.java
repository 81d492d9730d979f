package io.marquee.notifications.domain;

import java.util.List;

/**
 * One email as it leaves the platform: HTML with a plain-text alternative, attachments (PDF
 * tickets, calendar files) and inline images referenced from the HTML as {@code cid:<id>}.
 */
public record MailMessage(
    String to, String fromName, String subject, String html, String text, List<Part> parts) {

  /** An attached file; with a {@code contentId} it is shown inline instead. */
  public record Part(String fileName, String contentType, byte[] bytes, String contentId) {}

  public MailMessage {
    parts = parts == null ? List.of() : List.copyOf(parts);
  }
}

package io.marquee.notifications.application;

import io.marquee.tenancy.domain.Contrast;

/**
 * The branded frame of every mail: a header in the tenant's primary colour with its name, the
 * content on white (dark themes render unreliably across mail clients), and a footer. Inline styles
 * only, since mail clients drop style sheets.
 */
final class MailLayout {
  private MailLayout() {}

  static String html(String brandName, String primary, String title, String body, String footer) {
    String colour = colour(primary);
    String onPrimary = Contrast.textOn(colour);
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
        + esc(title)
        + "</title></head><body style=\"margin:0;background:#f4f4f5;font-family:Arial,sans-serif;"
        + "color:#111827\"><table role=\"presentation\" width=\"100%\" cellpadding=\"0\""
        + " cellspacing=\"0\"><tr><td align=\"center\" style=\"padding:16px\"><table"
        + " role=\"presentation\" width=\"600\" style=\"max-width:600px;background:#ffffff\">"
        + "<tr><td style=\"background:"
        + colour
        + ";color:"
        + onPrimary
        + ";padding:16px 24px;"
        + "font-size:20px;font-weight:bold\">"
        + esc(brandName)
        + "</td></tr>"
        + "<tr><td style=\"padding:24px;font-size:15px;line-height:1.5\"><h1 style=\"font-size:"
        + "22px;margin:0 0 12px\">"
        + esc(title)
        + "</h1>"
        + body
        + "</td></tr>"
        + "<tr><td style=\"padding:12px 24px;font-size:12px;color:#4b5563\">"
        + esc(footer)
        + "</td></tr></table></td></tr></table></body></html>";
  }

  static String button(String href, String label, String primary) {
    String colour = colour(primary);
    String onPrimary = Contrast.textOn(colour);
    return "<p><a href=\""
        + esc(href)
        + "\" style=\"display:inline-block;background:"
        + colour
        + ";color:"
        + onPrimary
        + ";padding:10px 18px;border-radius:6px;text-decoration:none;"
        + "font-weight:bold\">"
        + esc(label)
        + "</a></p>";
  }

  private static String colour(String primary) {
    return primary == null || !primary.matches("#[0-9a-fA-F]{6}") ? "#1d4ed8" : primary;
  }

  static String p(String text) {
    return "<p>" + esc(text) + "</p>";
  }

  /** HTML-escapes text from buyers and staff (names, titles): no markup gets through. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}

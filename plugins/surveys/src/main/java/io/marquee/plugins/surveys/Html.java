package io.marquee.plugins.surveys;

/** The surveys' pages: small, self-contained HTML (no scripts), escaped text from people. */
final class Html {
  private Html() {}

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

  static String page(String title, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width,initial-scale=1\"><title>"
        + esc(title)
        + "</title>"
        + "<link rel=\"stylesheet\" href=\"/themes/base/theme.css\"><link rel=\"stylesheet\""
        + " href=\"/brand/brand.css\"><style>.nps{display:flex;flex-wrap:wrap;gap:.4rem}"
        + ".nps label{min-width:2.75rem;min-height:44px;display:inline-flex;align-items:center;"
        + "justify-content:center;border:1px solid currentColor;border-radius:.4rem}"
        + ".bar{background:currentColor;height:.8rem;display:inline-block}</style></head>"
        + "<body class=\"site\"><main class=\"site-main\">"
        + body
        + "</main></body></html>";
  }
}

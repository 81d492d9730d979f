package io.marquee.plugins.surveys;

/** Net Promoter Score: % promoters (9–10) minus % detractors (0–6), rounded half up. */
final class Nps {
  private Nps() {}

  static int score(long[] counts) {
    long total = 0;
    long promoters = 0;
    long detractors = 0;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      if (i >= 9) {
        promoters += counts[i];
      } else if (i <= 6) {
        detractors += counts[i];
      }
    }
    if (total == 0) {
      return 0;
    }
    return (int) Math.round(100.0 * (promoters - detractors) / total);
  }

  static String jsonText(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '<' -> b.append("\\u003c");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

package io.marquee.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.tenancy.application.BrandingService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console warns a tenant whose chosen colours would make the storefront hard to read. */
class BrandingContrastTest {
  static BrandingService.Brand brand(String accent, String bg, String text) {
    return new BrandingService.Brand("T", "base", "#1d4ed8", accent, bg, text, false, null, 1);
  }

  @Test
  void readableColoursGetNoWarning() {
    assertEquals(List.of(), BrandingBean.contrastWarnings(brand("#b45309", "#ffffff", "#111827")));
  }

  @Test
  void lowContrastTextAndLinksAreNamedWithTheirRatio() {
    List<String> w = BrandingBean.contrastWarnings(brand("#ffff00", "#ffffff", "#aaaaaa"));
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).startsWith("Text on background is 2.32:1"), w.get(0));
    assertTrue(w.get(1).startsWith("Links (accent) on background is 1.07:1"), w.get(1));
  }
}

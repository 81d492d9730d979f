package io.marquee.tenancy.domain;

import java.util.regex.Pattern;

/**
 * WCAG 2.1 colour contrast for hex colours. Text below the AA ratio is hard or impossible to read
 * for people with low vision or on a phone in sunlight, and a white-label platform lets tenants
 * pick their own colours: the shipped themes are checked with this class (ThemeContrastTest), and
 * the same maths can warn a tenant about brand colours before they reach the storefront.
 */
public final class Contrast {
  /** AA minimum for normal-size text (success criterion 1.4.3). */
  public static final double AA_TEXT = 4.5;

  /** AA minimum for large text (24px, or 18.66px bold) and for UI components (1.4.3, 1.4.11). */
  public static final double AA_LARGE = 3.0;

  private static final Pattern HEX = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");

  private Contrast() {}

  /**
   * The contrast ratio of two colours ({@code #rgb} or {@code #rrggbb}), from 1.0 (the same
   * luminance) to 21.0 (black and white); the order of the colours does not matter.
   *
   * @throws IllegalArgumentException if a colour is not in hex notation
   */
  public static double ratio(String hexA, String hexB) {
    double a = luminance(hexA);
    double b = luminance(hexB);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** Whether {@code fg} on {@code bg} is readable as normal-size text under WCAG 2.1 AA. */
  public static boolean meetsAa(String fg, String bg) {
    return ratio(fg, bg) >= AA_TEXT;
  }

  /** Relative luminance: linear-light sRGB weighted by the eye's sensitivity to each primary. */
  private static double luminance(String hex) {
    int rgb = parse(hex);
    return 0.2126 * linear(rgb >> 16 & 0xff)
        + 0.7152 * linear(rgb >> 8 & 0xff)
        + 0.0722 * linear(rgb & 0xff);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    // The threshold WCAG 2.1 gives; sRGB's 0.04045 yields the same for every 8-bit value.
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static int parse(String hex) {
    if (hex == null || !HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a colour like #1a2b3c or #abc: " + hex);
    }
    String digits = hex.substring(1);
    if (digits.length() == 3) {
      digits = digits.replaceAll("(.)", "$1$1");
    }
    return Integer.parseInt(digits, 16);
  }

  /** Near-white or near-black, whichever reads better as text on {@code background}. */
  public static String textOn(String background) {
    return ratio("#ffffff", background) >= ratio("#0a0a0a", background) ? "#ffffff" : "#0a0a0a";
  }
}

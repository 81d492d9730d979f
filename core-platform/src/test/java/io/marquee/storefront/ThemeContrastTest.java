package io.marquee.storefront;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.tenancy.domain.Contrast;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped theme meets WCAG 2.1 AA for the colour pairs the storefront's base/theme.css
 * actually renders, so a palette change cannot silently make a tenant's site unreadable.
 */
class ThemeContrastTest {
  /** The test runs in core-platform; the themes are a sibling module. */
  private static final Path THEMES = Path.of("..", "tenant-themes");

  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
  private static final Pattern ROOT = Pattern.compile(":root\\s*\\{([^}]*)}");
  private static final Pattern VARIABLE = Pattern.compile("(--[\\w-]+)\\s*:\\s*([^;]+);");
  private static final Pattern VAR = Pattern.compile("var\\(\\s*(--[\\w-]+)\\s*(?:,\\s*(.+))?\\)");

  /** Foreground on background, the minimum ratio, and where base/theme.css puts them together. */
  private record Pair(String fg, String bg, double min, String where) {}

  private static final double TEXT = Contrast.AA_TEXT;
  private static final double LARGE = Contrast.AA_LARGE;
  private static final List<Pair> PAIRS =
      List.of(
          new Pair("text", "bg", TEXT, "body text"),
          new Pair("text", "surface", TEXT, "cards, notices, inputs"),
          new Pair("muted", "bg", TEXT, "secondary text, input borders"),
          new Pair("muted", "surface", TEXT, "card meta"),
          new Pair("accent", "bg", TEXT, "links, focus outline"),
          new Pair("accent", "surface", TEXT, "links in cards"),
          new Pair("on-primary", "primary", TEXT, "primary buttons, active filter"),
          new Pair("primary", "bg", LARGE, "large headings, button borders"),
          new Pair("primary", "surface", LARGE, "outlined buttons on cards"),
          new Pair("danger", "bg", TEXT, "error messages, sold out"),
          new Pair("success", "bg", TEXT, "valid ticket"),
          new Pair("warning", "bg", TEXT, "few left, countdown"),
          new Pair("danger", "surface", TEXT, "sold-out badge on a card"),
          new Pair("success", "surface", TEXT, "ticket status on a ticket"),
          new Pair("warning", "surface", TEXT, "few-left badge on a card"));

  @Test
  void everyThemeMeetsWcagAa() throws IOException {
    List<String> failures = new ArrayList<>();
    for (String theme : themes()) {
      Map<String, String> vars = variables(theme);
      for (Pair p : PAIRS) {
        String fg = resolve(vars, "--theme-" + p.fg());
        String bg = resolve(vars, "--theme-" + p.bg());
        double ratio = Contrast.ratio(fg, bg);
        if (ratio < p.min()) {
          failures.add(
              String.format(
                  Locale.ROOT,
                  "%s: %s %s on %s %s is %.2f:1, needs %.1f:1 (%s)",
                  theme,
                  p.fg(),
                  fg,
                  p.bg(),
                  bg,
                  ratio,
                  p.min(),
                  p.where()));
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** brand.css serves theme.properties' colours as --brand-*, which win over the theme's CSS. */
  @Test
  void themePropertiesMatchTheirCss() throws IOException {
    Map<String, String> keys =
        Map.of(
            "primaryColor", "--theme-primary",
            "accentColor", "--theme-accent",
            "backgroundColor", "--theme-bg",
            "textColor", "--theme-text");
    for (String theme : themes()) {
      Properties props = new Properties();
      try (Reader in = Files.newBufferedReader(THEMES.resolve(theme).resolve("theme.properties"))) {
        props.load(in);
      }
      assertEquals("base".equals(theme) ? "" : "base", props.getProperty("parent"), theme);
      Map<String, String> vars = variables(theme);
      keys.forEach(
          (key, variable) ->
              assertEquals(
                  resolve(vars, variable).toLowerCase(Locale.ROOT),
                  props.getProperty(key, "").toLowerCase(Locale.ROOT),
                  theme + "/theme.properties " + key + " differs from " + variable));
    }
  }

  @Test
  void contrastMatchesKnownWcagValues() {
    assertEquals(21.0, Contrast.ratio("#000000", "#ffffff"), 1e-9);
    assertEquals(21.0, Contrast.ratio("#FFF", "#000"), 1e-9, "either order, short form");
    assertEquals(1.0, Contrast.ratio("#ffffff", "#fff"), 1e-9);
    assertEquals(4.48, Contrast.ratio("#777777", "#ffffff"), 0.005);
    assertFalse(Contrast.meetsAa("#777777", "#ffffff"), "the classic just-too-light grey");
    assertEquals(4.54, Contrast.ratio("#767676", "#ffffff"), 0.005);
    assertTrue(Contrast.meetsAa("#767676", "#ffffff"));
    assertThrows(IllegalArgumentException.class, () -> Contrast.ratio("white", "#000"));
  }

  /** Theme folders with a theme.css; ThemeCatalog only knows those in themes.list. */
  private static List<String> themes() throws IOException {
    List<String> folders;
    try (Stream<Path> dirs = Files.list(THEMES)) {
      folders =
          dirs.filter(d -> Files.isRegularFile(d.resolve("theme.css")))
              .map(d -> d.getFileName().toString())
              .sorted()
              .toList();
    }
    List<String> listed =
        Files.readAllLines(THEMES.resolve("themes.list")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .sorted()
            .toList();
    assertEquals(folders, listed, "themes.list must name every theme folder with a theme.css");
    assertTrue(folders.contains("base"), "no themes found in " + THEMES.toAbsolutePath());
    return folders;
  }

  /** The custom properties of base's :root, overridden by the theme's (the pages' load order). */
  private static Map<String, String> variables(String theme) throws IOException {
    Map<String, String> vars = new HashMap<>(declared("base"));
    vars.putAll(declared(theme));
    return vars;
  }

  private static Map<String, String> declared(String theme) throws IOException {
    String css = Files.readString(THEMES.resolve(theme).resolve("theme.css"));
    Map<String, String> vars = new HashMap<>();
    Matcher root = ROOT.matcher(COMMENT.matcher(css).replaceAll(""));
    while (root.find()) {
      Matcher v = VARIABLE.matcher(root.group(1));
      while (v.find()) {
        vars.put(v.group(1), v.group(2).strip());
      }
    }
    return vars;
  }

  /** A variable's value, following var(--x) and var(--x, fallback) as a browser would. */
  private static String resolve(Map<String, String> vars, String name) {
    String value = vars.get(name);
    for (int hops = 0; value != null && hops < 10; hops++) {
      Matcher ref = VAR.matcher(value);
      if (!ref.matches()) {
        return value;
      }
      value = vars.containsKey(ref.group(1)) ? vars.get(ref.group(1)) : ref.group(2);
    }
    throw new AssertionError(name + " is not defined (or loops) in base/theme.css");
  }
}

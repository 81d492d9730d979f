package io.marquee.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** The brand packs shipped in tenant-themes (served as /themes/&lt;id&gt;/...). */
@ApplicationScoped
public class ThemeCatalog {
  private static final String ROOT = "META-INF/resources/themes/";
  private List<String> ids;

  public synchronized List<String> ids() {
    if (ids == null) {
      try (InputStream in = resource("themes.list");
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        ids = r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  public boolean exists(String id) {
    return id != null && ids().contains(id);
  }

  /** The theme's properties (name, default colours), with its parent's as defaults. */
  public Properties properties(String id) {
    Properties base = load("base");
    if ("base".equals(id)) {
      return base;
    }
    Properties own = new Properties(base);
    own.putAll(load(id));
    return own;
  }

  private Properties load(String id) {
    Properties p = new Properties();
    try (InputStream in = resource(id + "/theme.properties")) {
      if (in != null) {
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  private InputStream resource(String path) {
    return ThemeCatalog.class.getClassLoader().getResourceAsStream(ROOT + path);
  }
}

package io.marquee.plugins.domain;

import io.marquee.billing.domain.PluginPrice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A plugin's marketplace listing, {@code marquee-plugin.properties} in its jar: name, category,
 * price ({@code monthly.minor}, {@code currency}, {@code unit.<name>.minor}) and declared settings.
 * {@link #parse} refuses a listing it cannot read, naming the property, so a bad jar is refused at
 * upload instead of failing later.
 */
public record PluginListing(
    String name, String category, PluginPrice price, List<SettingSpec> settings) {

  public static PluginListing parse(String pluginId, Properties l) {
    Map<String, Long> units = new TreeMap<>();
    for (String k : l.stringPropertyNames()) {
      if (k.startsWith("unit.") && k.endsWith(".minor")) {
        units.put(k.substring(5, k.length() - 6), number(l, k));
      }
    }
    long monthly = l.getProperty("monthly.minor") == null ? 0 : number(l, "monthly.minor");
    String currency = l.getProperty("currency", "EUR").strip();
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code, not " + currency);
    }
    PluginPrice price;
    try {
      price = new PluginPrice(monthly, currency, units);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("price: " + e.getMessage());
    }
    return new PluginListing(
        l.getProperty("name", pluginId).strip(),
        l.getProperty("category", "other").strip(),
        price,
        settings(l));
  }

  private static List<SettingSpec> settings(Properties l) {
    TreeSet<String> keys = new TreeSet<>();
    for (String k : l.stringPropertyNames()) {
      if (k.startsWith("setting.") && k.endsWith(".type")) {
        keys.add(k.substring(8, k.length() - 5));
      }
    }
    List<SettingSpec> out = new ArrayList<>();
    for (String key : keys) {
      if (!key.matches("[a-zA-Z][a-zA-Z0-9_-]{0,39}")) {
        throw new IllegalArgumentException("setting." + key + ": bad setting name");
      }
      String p = "setting." + key + ".";
      SettingSpec.Type type;
      try {
        type = SettingSpec.Type.valueOf(l.getProperty(p + "type").strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            p + "type must be one of " + Arrays.toString(SettingSpec.Type.values()));
      }
      List<String> options =
          l.getProperty(p + "options") == null
              ? List.of()
              : Arrays.stream(l.getProperty(p + "options").split("\\|"))
                  .map(String::strip)
                  .toList();
      if (type == SettingSpec.Type.CHOICE && options.isEmpty()) {
        throw new IllegalArgumentException(p + "options is required for a choice (a|b|c)");
      }
      SettingSpec spec =
          new SettingSpec(
              key,
              type,
              l.getProperty(p + "label", key).strip(),
              l.getProperty(p + "default"),
              l.getProperty(p + "min") == null ? null : number(l, p + "min"),
              l.getProperty(p + "max") == null ? null : number(l, p + "max"),
              options,
              Boolean.parseBoolean(l.getProperty(p + "required", "false").strip()));
      if (spec.defaultValue() != null && spec.problem(spec.defaultValue()).isPresent()) {
        throw new IllegalArgumentException(
            p + "default: " + spec.problem(spec.defaultValue()).get());
      }
      out.add(spec);
    }
    return List.copyOf(out);
  }

  private static long number(Properties l, String key) {
    try {
      return Long.parseLong(l.getProperty(key).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number (minor units)");
    }
  }

  /** Checks a tenant's values: problems by key; keys the listing does not declare are refused. */
  public Map<String, String> problems(Map<String, String> values) {
    Map<String, String> out = new TreeMap<>();
    for (String k : values.keySet()) {
      if (settings.stream().noneMatch(s -> s.key().equals(k))) {
        out.put(k, "the plugin has no setting " + k);
      }
    }
    for (SettingSpec s : settings) {
      s.problem(values.get(s.key())).ifPresent(p -> out.put(s.key(), p));
    }
    return out;
  }

  /** The declared settings with these values, defaults where a value is missing or blank. */
  public Map<String, String> resolve(Map<String, String> values) {
    Map<String, String> out = new TreeMap<>();
    for (SettingSpec s : settings) {
      String v = values.get(s.key());
      String r = v == null || v.isBlank() ? s.defaultValue() : v.strip();
      if (r != null) {
        out.put(s.key(), r);
      }
    }
    return out;
  }
}

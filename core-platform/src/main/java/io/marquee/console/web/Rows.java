package io.marquee.console.web;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Faces EL cannot read Java records as beans, but it reads maps: view rows are records turned into
 * maps of their components.
 */
final class Rows {
  private Rows() {}

  static Map<String, Object> of(Record r) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        m.put(c.getName(), c.getAccessor().invoke(r));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return m;
  }

  static List<Map<String, Object>> of(List<? extends Record> rs) {
    return rs.stream().map(Rows::of).toList();
  }
}

package io.marquee.common.infrastructure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values kept for a short time on this node, for lookups on hot paths (a door scan, a plugin route)
 * whose answers change rarely. Writers on this node invalidate at once; other nodes see a change
 * within the time to live, which is why callers only use it where that delay is harmless.
 */
public final class ShortCache<K, V> {
  private record Entry<V>(V value, long expiresAt) {}

  private final long ttlNanos;
  private final int maxEntries;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public ShortCache(long ttlMillis, int maxEntries) {
    this.ttlNanos = ttlMillis * 1_000_000;
    this.maxEntries = maxEntries;
  }

  public V get(K key, Function<K, V> load) {
    long now = System.nanoTime();
    Entry<V> e = entries.get(key);
    if (e != null && e.expiresAt() - now > 0) {
      return e.value();
    }
    V v = load.apply(key);
    if (entries.size() >= maxEntries) {
      entries.clear(); // crude, but bounded: a full cache starts over
    }
    entries.put(key, new Entry<>(v, now + ttlNanos));
    return v;
  }

  public void invalidate(K key) {
    entries.remove(key);
  }

  public void invalidateAll() {
    entries.clear();
  }
}

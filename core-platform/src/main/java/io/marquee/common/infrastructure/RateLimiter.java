package io.marquee.common.infrastructure;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window attempt counters shared by every node (Hazelcast map, atomic merge per key), for
 * brute-force protection such as sign-in codes. Losing the counters (a full cluster restart) only
 * resets the windows; nothing of value lives here.
 */
@ApplicationScoped
public class RateLimiter {
  @Inject HazelcastInstance hazelcast;

  /** Counts one attempt; false once {@code limit} attempts were made in the current window. */
  public boolean tryAcquire(String key, int limit, Duration window) {
    return hit(key, window) <= limit;
  }

  /** How many attempts the current window has seen, without counting one. */
  public int count(String key, Duration window) {
    Integer n =
        hazelcast.<String, Integer>getMap(HazelcastMember.RATE_LIMITS).get(slot(key, window));
    return n == null ? 0 : n;
  }

  /** Counts one attempt and returns the window's count. */
  public int hit(String key, Duration window) {
    return hazelcast
        .<String, Integer>getMap(HazelcastMember.RATE_LIMITS)
        .merge(slot(key, window), 1, Integer::sum);
  }

  private static String slot(String key, Duration window) {
    long w = Instant.now().getEpochSecond() / window.toSeconds();
    return key + "@" + w;
  }
}

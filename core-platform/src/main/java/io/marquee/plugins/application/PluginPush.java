package io.marquee.plugins.application;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Server push for plugins: a plugin publishes on a channel of its tenant, every node hears it
 * through a Hazelcast topic and hands it to its own listening browsers (server-sent events).
 * Publishing is coalesced per channel every quarter second, so a door at hundreds of scans a second
 * sends a few messages, not hundreds, and the scan never waits on the cluster.
 */
@ApplicationScoped
public class PluginPush {
  private static final String TOPIC = "plugin-push";

  /** Handed to every listener when the application stops: end the stream now. */
  public static final String CLOSE = "\u0000close";

  @Inject HazelcastInstance hazelcast;

  private final Map<String, String> pending = new ConcurrentHashMap<>();
  private final Map<String, Set<Consumer<String>>> listeners = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;
  private ITopic<String> topic;

  static String key(UUID tenantId, String pluginId, String channel) {
    return tenantId + "|" + pluginId + "|" + channel;
  }

  private synchronized void start() {
    if (ticker != null) {
      return;
    }
    topic = hazelcast.getTopic(TOPIC);
    topic.addMessageListener(
        m -> {
          String msg = m.getMessageObject();
          int cut = msg.indexOf('\n');
          deliver(msg.substring(0, cut), msg.substring(cut + 1));
        });
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "marquee-plugin-push");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleWithFixedDelay(this::flush, 250, 250, TimeUnit.MILLISECONDS);
    // a comment line now and then keeps proxies from closing idle streams
    ticker.scheduleWithFixedDelay(() -> deliverAll(null), 20, 20, TimeUnit.SECONDS);
  }

  public void publish(UUID tenantId, String pluginId, String channel, String data) {
    start();
    pending.put(key(tenantId, pluginId, channel), data == null ? "" : data.replace('\n', ' '));
  }

  private void flush() {
    for (String k : pending.keySet()) {
      String data = pending.remove(k);
      if (data != null) {
        try {
          topic.publish(k + "\n" + data);
        } catch (RuntimeException e) {
          deliver(k, data); // the cluster is away: this node's listeners still hear it
        }
      }
    }
  }

  private void deliver(String key, String data) {
    for (Consumer<String> l : listeners.getOrDefault(key, Set.of())) {
      l.accept(data);
    }
  }

  private void deliverAll(String data) {
    listeners.values().forEach(set -> set.forEach(l -> l.accept(data)));
  }

  /** Registers a listener (null data means "keep alive"); returns what unregisters it. */
  public Runnable listen(UUID tenantId, String pluginId, String channel, Consumer<String> l) {
    start();
    String k = key(tenantId, pluginId, channel);
    listeners.computeIfAbsent(k, x -> new CopyOnWriteArraySet<>()).add(l);
    return () -> listeners.getOrDefault(k, Set.of()).remove(l);
  }

  @PreDestroy
  void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    // open streams would otherwise hold the server's shutdown
    deliverAll(CLOSE);
    listeners.clear();
  }
}

package io.marquee.plugins.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Every call into a plugin that has a time limit goes through here: on that plugin's own small
 * pool, under the host's read lock (an upgrade waits for it), timed and counted. A plugin that
 * hangs and ignores interruption can hold only its own threads, never another plugin's or a
 * request's.
 */
@ApplicationScoped
public class PluginCalls {
  private static final Logger LOG = Logger.getLogger(PluginCalls.class.getName());

  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;

  private final Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

  private ExecutorService pool(String pluginId) {
    return pools.computeIfAbsent(
        pluginId,
        id ->
            Executors.newFixedThreadPool(
                4,
                r -> {
                  Thread t = new Thread(r, "marquee-plugin-" + id);
                  t.setDaemon(true);
                  return t;
                }));
  }

  /** A call's result, or why there is none ({@code failure} set). */
  public record Outcome<T>(T value, String failure) {
    public Optional<T> result() {
      return failure == null ? Optional.ofNullable(value) : Optional.empty();
    }
  }

  /**
   * Calls {@code call} for {@code tenantId} with a time limit and records it against the plugin;
   * {@code what} names the call in failure reports ("event.ended", "screen results").
   */
  public <T> Outcome<T> call(
      UUID tenantId,
      String tenantSlug,
      String pluginId,
      String what,
      long timeoutMs,
      Callable<T> call) {
    long start = System.nanoTime();
    String failure = null;
    boolean timedOut = false;
    T value = null;
    Future<T> f = pool(pluginId).submit(() -> host.reading(() -> unchecked(call)));
    try {
      value = f.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException x) {
      f.cancel(true);
      timedOut = true;
      failure = "timed out after " + timeoutMs + " ms on " + what;
    } catch (ExecutionException x) {
      Throwable cause = x.getCause() instanceof Wrapped w ? w.getCause() : x.getCause();
      failure = what + ": " + cause;
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    long micros = (System.nanoTime() - start) / 1000;
    if (failure != null) {
      String msg = failure;
      LOG.warning(() -> "plugin " + pluginId + " failed for tenant " + tenantSlug + ": " + msg);
    }
    entitlements.record(tenantId, pluginId, micros, failure, timedOut);
    return new Outcome<>(value, failure);
  }

  private static final class Wrapped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Wrapped(Exception cause) {
      super(cause);
    }
  }

  private static <T> T unchecked(Callable<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new Wrapped(e);
    }
  }

  @PreDestroy
  void stop() {
    pools.values().forEach(ExecutorService::shutdownNow);
  }
}

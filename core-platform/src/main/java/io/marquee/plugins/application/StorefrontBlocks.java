package io.marquee.plugins.application;

import io.marquee.plugin.api.StorefrontBlock;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collects the storefront blocks of the plugins a tenant enabled. Each block renders on a plugin
 * thread with a short limit; a slow or failing one is left out (and counted), never the page.
 */
@ApplicationScoped
public class StorefrontBlocks {
  private static final Logger LOG = Logger.getLogger(StorefrontBlocks.class.getName());

  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject PluginEventDispatcher dispatcher;

  @Inject
  @ConfigProperty(name = "marquee.plugins.block-timeout-ms", defaultValue = "300")
  long timeoutMs;

  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "marquee-plugin-block");
            t.setDaemon(true);
            return t;
          });

  public List<String> render(TenantSnapshot t, StorefrontBlock.Slot slot, String subjectId) {
    List<String> enabled = entitlements.enabledFor(t.id());
    if (enabled.isEmpty()) {
      return List.of(); // the common case costs one indexed query
    }
    List<String> out = new ArrayList<>();
    for (String id : enabled) {
      host.reading(
          () -> {
            for (StorefrontBlock block : host.blocks(id)) {
              long start = System.nanoTime();
              String failure = null;
              Future<String> f =
                  pool.submit(() -> block.render(slot, subjectId, dispatcher.contextFor(t, id)));
              try {
                String html = f.get(timeoutMs, TimeUnit.MILLISECONDS);
                if (html != null && !html.isBlank()) {
                  out.add(html);
                }
              } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
                failure = "storefront block timed out after " + timeoutMs + " ms";
              } catch (java.util.concurrent.ExecutionException e) {
                failure = "storefront block: " + e.getCause();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
              }
              if (failure != null) {
                String msg = failure;
                LOG.warning(() -> "plugin " + id + " for tenant " + t.slug() + ": " + msg);
              }
              entitlements.record(
                  t.id(),
                  id,
                  (System.nanoTime() - start) / 1000,
                  failure,
                  failure != null && failure.contains("timed out"));
            }
            return null;
          });
    }
    return out;
  }

  @PreDestroy
  void stop() {
    pool.shutdownNow();
  }
}

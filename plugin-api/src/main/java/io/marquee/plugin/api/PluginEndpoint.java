package io.marquee.plugin.api;

import org.pf4j.ExtensionPoint;

/**
 * Serves HTTP under {@code /plugins/<plugin id>/} on the tenant's own domain, for tenants that
 * enabled the plugin (others get 404 without the plugin being called).
 *
 * <p><b>When</b>: on the request thread, outside any transaction. <b>Result</b>: the response to
 * send. <b>If it throws</b>: the visitor gets a plain 500 page, the failure is counted against the
 * plugin, and nothing else is affected.
 */
public interface PluginEndpoint extends ExtensionPoint {
  PluginResponse handle(PluginRequest request, PluginContext context) throws Exception;
}

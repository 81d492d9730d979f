/**
 * The plugin host: PF4J loads add-on jars, per-tenant enablement decides who they serve, and one
 * dispatch point calls them with time limits, counting every call. Plugins see only plugin-api.
 */
package io.marquee.plugins;

/**
 * The contract between the Marquee core and its paid add-ons: extension points and value types
 * only. Nothing here may depend on core-platform; plugins compile against this package and nothing
 * else of Marquee.
 */
package io.marquee.plugin.api;

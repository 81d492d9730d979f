/**
 * Infrastructure shared by all capabilities (the embedded Hazelcast member). Holds no business
 * rules.
 */
package io.marquee.common.infrastructure;

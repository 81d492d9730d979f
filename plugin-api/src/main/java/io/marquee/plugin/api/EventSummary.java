package io.marquee.plugin.api;

import java.time.Instant;

/**
 * What a plugin may read of an event.
 *
 * @param id the event's id
 * @param slug its URL name (the storefront page is {@code /event.xhtml?e=<slug>})
 * @param title its title
 * @param startsAt when it starts
 * @param status draft, published, cancelled or completed
 */
public record EventSummary(String id, String slug, String title, Instant startsAt, String status) {}

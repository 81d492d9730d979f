package io.marquee.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact that happened in one tenant's business, as plugins see it: {@code order.paid}, {@code
 * order.refunded}, {@code ticket.issued}, {@code ticket.voided}, {@code ticket.transferred}, {@code
 * event.published}, {@code event.sold_out}, {@code event.cancelled}, {@code event.ended}, {@code
 * capacity.released} (and later types; ignore the ones you do not know).
 *
 * @param id increasing per tenant; the same event delivered twice has the same id (use it to
 *     deduplicate)
 * @param type the event's type, as listed above
 * @param aggregateId the id of the order, ticket or event the fact is about
 * @param payloadJson the event's details as a JSON object (stable field names, minor units for
 *     money)
 * @param occurredAt when the business transaction committed
 */
public record DomainEvent(
    long id, String type, String aggregateId, String payloadJson, Instant occurredAt) {
  public DomainEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}

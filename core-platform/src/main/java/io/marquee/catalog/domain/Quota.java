package io.marquee.catalog.domain;

import java.util.List;
import java.util.UUID;

/** A capacity shared by several ticket types, e.g. "early bird + regular ≤ 500". */
public record Quota(
    UUID id, UUID eventId, String name, int capacity, int taken, List<UUID> ticketTypeIds) {}

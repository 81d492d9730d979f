package io.marquee.catalog.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A place events happen. */
public record Venue(
    UUID id,
    String name,
    String address,
    String city,
    BigDecimal latitude,
    BigDecimal longitude,
    Integer capacity,
    List<String> amenities) {}

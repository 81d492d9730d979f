package io.marquee.catalog.domain;

/** A tenant's selling rules: tax, booking fee per paid ticket, how long a checkout holds stock. */
public record CommerceSettings(
    TaxRule tax, String taxLabel, long bookingFeeMinor, int holdMinutes) {}

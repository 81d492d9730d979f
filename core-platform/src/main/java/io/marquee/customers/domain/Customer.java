package io.marquee.customers.domain;

import java.io.Serializable;
import java.util.UUID;

/** An attendee account of one tenant, identified by email (no password: one-time codes). */
public record Customer(UUID id, String email, String name) implements Serializable {}

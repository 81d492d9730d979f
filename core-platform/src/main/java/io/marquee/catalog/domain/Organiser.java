package io.marquee.catalog.domain;

import java.util.UUID;

/** Who puts events on: a promoter, festival or exhibitor, with a public page of its events. */
public record Organiser(UUID id, String slug, String name, String description, String website) {}

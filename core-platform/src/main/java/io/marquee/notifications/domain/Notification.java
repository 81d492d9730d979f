package io.marquee.notifications.domain;

import java.util.UUID;

/** A queued mail: what it is about ({@code kind}, {@code refId}, details) and to whom. */
public record Notification(
    UUID id,
    NotificationKind kind,
    String recipient,
    UUID refId,
    String detailJson,
    int attempts) {}

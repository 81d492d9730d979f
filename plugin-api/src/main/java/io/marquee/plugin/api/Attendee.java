package io.marquee.plugin.api;

/**
 * A valid ticket of an event and who holds it.
 *
 * @param ticketId the ticket's id
 * @param name the holder's name
 * @param email the holder's email, or null when none is known
 * @param ticketType the ticket type's name
 */
public record Attendee(String ticketId, String name, String email, String ticketType) {}

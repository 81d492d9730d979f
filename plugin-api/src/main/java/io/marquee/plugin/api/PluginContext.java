package io.marquee.plugin.api;

/**
 * What the platform gives a plugin for one call: always the tenant the call is for. Owned by the
 * platform; plugins never construct it, and never see the core's classes behind it.
 */
public interface PluginContext {
  /** The tenant this call is made for. */
  TenantRef tenant();

  /** The plugin's id, as in its descriptor. */
  String pluginId();

  /**
   * Records billable usage for this tenant (e.g. one scan), billed at the unit price the plugin's
   * descriptor declares for {@code unit}. {@code trackingId} makes it idempotent: a repeated id is
   * rejected and returns false, so a redelivered event never bills twice.
   *
   * @throws IllegalArgumentException if the descriptor declares no such unit, or quantity is not
   *     positive
   */
  boolean recordUsage(String unit, long quantity, String trackingId);

  /** SQL on the plugin's own tables in this tenant's schema. */
  PluginStorage storage();

  /** The tenant's public base URL, e.g. {@code https://tickets.example.com}, for links in mails. */
  String baseUrl();

  /** One of the tenant's events, if it exists. */
  java.util.Optional<EventSummary> event(String eventId);

  /** The tenant's events, newest start first (at most 200). Since 0.2.0. */
  java.util.List<EventSummary> events();

  /** The valid tickets of one of the tenant's events, with their holders. */
  java.util.List<Attendee> attendees(String eventId);

  /**
   * Sends an email from the tenant (its name as the sender) over the platform's mail channel.
   * {@code html} is sent as is: escape what came from people. Throws when the mail server refuses.
   */
  void sendMail(String to, String subject, String html) throws Exception;

  /** The tenant's settings for this plugin (validated, with declared defaults). Since 0.2.0. */
  PluginSettings settings();

  /** Tickets at the door: check codes, offline material, search, counter payments. Since 0.3.0. */
  TicketDesk tickets();

  /**
   * Pushes {@code data} (a short text, e.g. JSON) to every browser of this tenant listening on
   * {@code channel} ({@code GET /plugins/<id>/push/<channel>}, server-sent events), on every node.
   * Messages of one channel are coalesced: listeners get the latest within about a quarter second,
   * not every one. Channels whose name starts with {@code public-} are open to anyone on the
   * tenant's domain; the others to its signed-in staff only. Since 0.4.0.
   */
  void publish(String channel, String data);
}

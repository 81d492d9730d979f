package io.marquee.plugins.surveys;

import io.marquee.plugin.api.Attendee;
import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.EventSummary;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.ScheduledTask;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Invitations: when an event ends, each attendee with an email gets a personal survey link, at once
 * or after the tenant's chosen delay (setting {@code delayHours}; the scheduled task sends what is
 * due). Each ticket is invited once, however often the event or the task comes again.
 */
final class Invitations {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Invitations() {}

  /** On {@code event.ended}: invite now, or note when to. */
  @Extension
  public static class OnEventEnded implements DomainEventListener {
    @Override
    public Set<String> types() {
      return Set.of("event.ended");
    }

    @Override
    public void on(DomainEvent e, PluginContext ctx) throws Exception {
      int delay = ctx.settings().integer("delayHours");
      if (delay == 0) {
        send(ctx, e.aggregateId());
        return;
      }
      ctx.storage()
          .update(
              "INSERT INTO {t}.plugin_surveys_pending (event_id, due_at) VALUES (?::uuid, now() +"
                  + " ? * interval '1 hour') ON CONFLICT (event_id) DO NOTHING",
              e.aggregateId(),
              delay);
    }
  }

  /** Sends the invitations whose delay has passed. */
  @Extension
  public static class SendDue implements ScheduledTask {
    @Override
    public String name() {
      return "send-due-invitations";
    }

    @Override
    public Duration every() {
      return Duration.ofMinutes(5);
    }

    @Override
    public void run(PluginContext ctx) throws Exception {
      for (Map<String, Object> due :
          ctx.storage()
              .query(
                  "SELECT event_id FROM {t}.plugin_surveys_pending WHERE sent_at IS NULL AND"
                      + " due_at <= now() ORDER BY due_at LIMIT 20")) {
        String event = String.valueOf(due.get("event_id"));
        send(ctx, event);
        ctx.storage()
            .update(
                "UPDATE {t}.plugin_surveys_pending SET sent_at = now() WHERE event_id = ?::uuid",
                event);
      }
    }
  }

  static void send(PluginContext ctx, String eventId) throws Exception {
    EventSummary event = ctx.event(eventId).orElse(null);
    if (event == null) {
      return;
    }
    Text text = Text.of(ctx);
    String intro = ctx.settings().get("intro");
    for (Attendee a : ctx.attendees(event.id())) {
      if (a.email() == null) {
        continue;
      }
      byte[] raw = new byte[24];
      RANDOM.nextBytes(raw);
      List<Map<String, Object>> created =
          ctx.storage()
              .query(
                  "INSERT INTO {t}.plugin_surveys_invite (token, event_id, ticket_id, name, email)"
                      + " VALUES (?, ?::uuid, ?::uuid, ?, ?) ON CONFLICT (event_id, ticket_id) DO"
                      + " NOTHING RETURNING token",
                  HexFormat.of().formatHex(raw),
                  event.id(),
                  a.ticketId(),
                  a.name(),
                  a.email());
      if (created.isEmpty()) {
        continue; // invited before
      }
      String token = (String) created.get(0).get("token");
      String link = ctx.baseUrl() + "/plugins/surveys/s?k=" + token;
      ctx.sendMail(
          a.email(),
          text.get("mail.subject", event.title()),
          text.get("mail.body", Html.esc(a.name()), Html.esc(event.title()), Html.esc(link))
              + (intro == null || intro.isBlank()
                  ? ""
                  : "<p class=\"intro\">" + Html.esc(intro) + "</p>"));
      ctx.storage()
          .update("UPDATE {t}.plugin_surveys_invite SET sent_at = now() WHERE token = ?", token);
    }
  }
}

package io.marquee.plugins.application;

import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.plugin.api.DomainEvent;
import io.marquee.plugin.api.DomainEventListener;
import io.marquee.plugin.api.PluginContext;
import io.marquee.plugin.api.TenantRef;
import io.marquee.tenancy.application.TenantDirectory;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place domain events reach plugins: only plugins the tenant enabled, after the business
 * transaction committed (events come from the outbox), each call on a plugin thread with a time
 * limit, timed and counted. A plugin that throws or hangs costs only its own call.
 */
@ApplicationScoped
public class PluginEventDispatcher {
  private static final Logger LOG = Logger.getLogger(PluginEventDispatcher.class.getName());

  @Inject Sql sql;
  @Inject TenantDirectory directory;
  @Inject PluginHost host;
  @Inject PluginEntitlements entitlements;
  @Inject io.marquee.billing.application.Metering metering;
  @Inject io.marquee.notifications.application.NotificationChannel mail;
  @Inject io.marquee.tenancy.application.PlatformSettings platform;
  @Inject PluginCalls calls;
  @Inject PluginPush push;
  @Inject PluginSettingsStore settings;
  @Inject io.marquee.ticketing.application.TicketService tickets;
  @Inject io.marquee.ordering.application.PaymentService payments;

  @Inject
  @ConfigProperty(name = "marquee.plugins.call-timeout-ms", defaultValue = "5000")
  long timeoutMs;

  /** Delivers the tenant's undelivered events; returns how many events were handled. */
  public int dispatch(String slug) {
    TenantSnapshot t = directory.findBySlug(slug).orElse(null);
    if (t == null) {
      return 0;
    }
    TenantSql tsql = sql.in(t.schema());
    List<DomainEvent> events =
        tsql.list(
            "SELECT id, type, aggregate_id, payload, occurred_at FROM {t}.outbox_event WHERE"
                + " plugins_at IS NULL ORDER BY id LIMIT 200",
            rs ->
                new DomainEvent(
                    rs.getLong("id"),
                    rs.getString("type"),
                    rs.getString("aggregate_id"),
                    rs.getString("payload"),
                    TenantSql.instant(rs, "occurred_at")));
    if (events.isEmpty()) {
      return 0;
    }
    for (String pluginId : entitlements.enabledFor(t.id())) {
      PluginContext context = contextFor(t, pluginId);
      for (DomainEventListener listener : host.reading(() -> host.listeners(pluginId))) {
        for (DomainEvent e : events) {
          if (listener.types().isEmpty() || listener.types().contains(e.type())) {
            call(t, pluginId, listener, e, context);
          }
        }
      }
    }
    // Marked after the calls: delivery is at least once, as the extension point promises.
    tsql.update(
        "UPDATE {t}.outbox_event SET plugins_at = now() WHERE id <= ? AND plugins_at IS NULL",
        events.get(events.size() - 1).id());
    return events.size();
  }

  private void call(
      TenantSnapshot t,
      String pluginId,
      DomainEventListener listener,
      DomainEvent e,
      PluginContext context) {
    calls.call(
        t.id(),
        t.slug(),
        pluginId,
        e.type(),
        timeoutMs,
        () -> {
          listener.on(e, context);
          return null;
        });
  }

  /** The context of one plugin's calls for one tenant (used for events and HTTP alike). */
  public PluginContext contextFor(TenantSnapshot t, String pluginId) {
    java.util.Set<String> units =
        // the cached listing: this runs on every plugin call (each door scan)
        host.listing(pluginId)
            .map(l -> l.price().unitPricesMinor().keySet())
            .orElse(java.util.Set.of());
    return new Context(
        new TenantRef(t.slug(), t.currency(), t.locale(), t.timeZone()),
        pluginId,
        t.id(),
        units,
        metering,
        new Storage(sql.in(t.schema())),
        platform.baseUrl(t.primaryHost()),
        t.displayName(),
        mail,
        () -> settings.effective(t.id(), pluginId),
        new PluginTicketDesk(t, sql.in(t.schema()), tickets, payments),
        push);
  }

  /** The platform's side of a plugin call: this tenant, this plugin, its declared units. */
  private record Context(
      TenantRef tenant,
      String pluginId,
      java.util.UUID tenantId,
      java.util.Set<String> units,
      io.marquee.billing.application.Metering metering,
      Storage storage,
      String baseUrl,
      String tenantName,
      io.marquee.notifications.application.NotificationChannel mail,
      java.util.function.Supplier<java.util.Map<String, String>> settingValues,
      io.marquee.plugin.api.TicketDesk tickets,
      PluginPush push)
      implements PluginContext {
    @Override
    public void publish(String channel, String data) {
      if (channel == null || !channel.matches("[a-zA-Z0-9_-]{1,100}")) {
        throw new IllegalArgumentException("a channel is 1 to 100 letters, digits, - or _");
      }
      push.publish(tenantId, pluginId, channel, data);
    }

    @Override
    public io.marquee.plugin.api.PluginSettings settings() {
      return new Settings(settingValues.get());
    }

    @Override
    public java.util.Optional<io.marquee.plugin.api.EventSummary> event(String eventId) {
      return storage
          .sql()
          .one(
              "SELECT id, slug, title, starts_at, status FROM {t}.event WHERE id = ?::uuid",
              rs ->
                  new io.marquee.plugin.api.EventSummary(
                      rs.getString("id"),
                      rs.getString("slug"),
                      rs.getString("title"),
                      TenantSql.instant(rs, "starts_at"),
                      rs.getString("status")),
              uuidText(eventId));
    }

    @Override
    public java.util.List<io.marquee.plugin.api.EventSummary> events() {
      return storage
          .sql()
          .list(
              "SELECT id, slug, title, starts_at, status FROM {t}.event ORDER BY starts_at DESC"
                  + " LIMIT 200",
              rs ->
                  new io.marquee.plugin.api.EventSummary(
                      rs.getString("id"),
                      rs.getString("slug"),
                      rs.getString("title"),
                      TenantSql.instant(rs, "starts_at"),
                      rs.getString("status")));
    }

    @Override
    public java.util.List<io.marquee.plugin.api.Attendee> attendees(String eventId) {
      return storage
          .sql()
          .list(
              "SELECT k.id, k.holder_name, k.holder_email, tt.name AS type FROM {t}.ticket k JOIN"
                  + " {t}.ticket_type tt ON tt.id = k.ticket_type_id WHERE k.event_id = ?::uuid AND"
                  + " k.status = 'valid' ORDER BY k.id",
              rs ->
                  new io.marquee.plugin.api.Attendee(
                      rs.getString("id"),
                      rs.getString("holder_name"),
                      rs.getString("holder_email"),
                      rs.getString("type")),
              uuidText(eventId));
    }

    private static String uuidText(String id) {
      return java.util.UUID.fromString(id).toString(); // refuses anything but an id
    }

    @Override
    public void sendMail(String to, String subject, String html) throws Exception {
      String text = html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
      mail.send(
          new io.marquee.notifications.domain.MailMessage(
              to, tenantName, subject, html, text, java.util.List.of()));
    }

    @Override
    public boolean recordUsage(String unit, long quantity, String trackingId) {
      if (!units.contains(unit)) {
        throw new IllegalArgumentException(
            "plugin " + pluginId + " declares no metered unit " + unit + " (has " + units + ")");
      }
      return metering.record(tenantId, pluginId, unit, quantity, trackingId);
    }
  }

  /** Plugin SQL in the tenant's schema ({@code {t}}), each statement on its own. */
  record Storage(TenantSql sql) implements io.marquee.plugin.api.PluginStorage {
    @Override
    public int update(String statement, Object... args) {
      return sql.update(statement, args);
    }

    @Override
    public java.util.List<java.util.Map<String, Object>> query(String statement, Object... args) {
      return sql.list(
          statement,
          rs -> {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
            }
            return row;
          },
          args);
    }
  }

  /** The tenant's effective settings for one plugin call. */
  record Settings(java.util.Map<String, String> all)
      implements io.marquee.plugin.api.PluginSettings {
    @Override
    public String get(String key) {
      return all.get(key);
    }

    @Override
    public int integer(String key) {
      try {
        return Integer.parseInt(all.get(key));
      } catch (NumberFormatException | NullPointerException e) {
        throw new IllegalArgumentException("setting " + key + " is not a whole number");
      }
    }

    @Override
    public boolean flag(String key) {
      return Boolean.parseBoolean(all.get(key));
    }
  }
}

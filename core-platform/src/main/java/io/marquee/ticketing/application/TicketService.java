package io.marquee.ticketing.application;

import io.marquee.catalog.domain.Event;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.integration.application.Outbox;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketClaims;
import io.marquee.ticketing.domain.TicketCodes;
import io.marquee.ticketing.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Signed ticket codes, their verification keys and revocations, and transfers. */
@ApplicationScoped
@Transactional
public class TicketService {
  /** Codes stay valid this long after the event ends (late leavers, re-entry). */
  static final Duration GRACE = Duration.ofHours(6);

  @Inject Sql sql;
  @Inject KeyVault vault;

  public Ticket ticket(TenantSnapshot tenant, UUID id) {
    return new OrderStore(sql.in(tenant.schema()))
        .ticket(id)
        .orElseThrow(() -> ProblemException.notFound("no such ticket"));
  }

  /** The ticket's current code; only valid tickets have one. */
  public String code(TenantSnapshot tenant, Ticket t) {
    if (t.status() != TicketStatus.VALID) {
      throw ProblemException.conflict(
          "status", "a " + t.status().db() + " ticket has no admission code");
    }
    TenantSql tsql = sql.in(tenant.schema());
    Event e = new CatalogStore(tsql).event(t.eventId()).orElseThrow();
    SigningKeys.Active key = new SigningKeys(tsql, vault).active(e.id());
    TicketClaims claims =
        new TicketClaims(
            key.kid(),
            tenant.slug(),
            e.id(),
            t.id(),
            t.serial(),
            t.ticketTypeId(),
            t.issuedAt().minusSeconds(60),
            e.endOrStart().plus(GRACE));
    return TicketCodes.sign(claims, key.key());
  }

  /** The printable ticket: event, holder, order number and the QR code, in the tenant's words. */
  public byte[] pdf(TenantSnapshot t, Ticket ticket) {
    String code = code(t, ticket);
    TenantSql tsql = sql.in(t.schema());
    CatalogStore catalog = new CatalogStore(tsql);
    Event e = catalog.event(ticket.eventId()).orElseThrow();
    String number = new OrderStore(tsql).find(ticket.orderId()).orElseThrow().number();
    String when =
        e.startsAt()
            .atZone(java.time.ZoneId.of(e.timeZone()))
            .format(
                java.time.format.DateTimeFormatter.ofPattern(
                    "EEEE d MMMM yyyy, HH:mm (zzz)", java.util.Locale.forLanguageTag(t.locale())));
    String venue =
        e.venueId() == null
            ? null
            : catalog
                .venue(e.venueId())
                .map(v -> v.name() + (v.city() == null ? "" : ", " + v.city()))
                .orElse(null);
    String type = catalog.ticketType(ticket.ticketTypeId()).map(x -> x.name()).orElse("Ticket");
    return io.marquee.ticketing.infrastructure.TicketRenderer.pdf(
        new io.marquee.ticketing.infrastructure.TicketRenderer.PrintedTicket(
            t.displayName(), e.title(), when, venue, type, ticket.holderName(), number, code));
  }

  public List<SigningKeys.PublishedKey> keys(TenantSnapshot tenant, UUID eventId) {
    return new SigningKeys(sql.in(tenant.schema()), vault).published(eventId);
  }

  public String rotate(TenantSnapshot tenant, UUID eventId) {
    new CatalogStore(sql.in(tenant.schema()))
        .event(eventId)
        .orElseThrow(() -> ProblemException.notFound("no such event"));
    keyCache.invalidate(tenant.schema() + "/" + eventId);
    return new SigningKeys(sql.in(tenant.schema()), vault).rotate(eventId);
  }

  public Set<TicketCodes.Revocation> revocations(TenantSnapshot tenant, UUID eventId) {
    return new HashSet<>(
        sql.in(tenant.schema())
            .list(
                "SELECT ticket_id, serial FROM {t}.revoked_code WHERE event_id = ?",
                rs ->
                    new TicketCodes.Revocation(
                        TenantSql.uuid(rs, "ticket_id"), rs.getInt("serial")),
                eventId));
  }

  // A door verifies every scan: keys change only on rotation (this node invalidates; a key unknown
  // here is looked up again), revocations are re-read every two seconds (a door also checks the
  // ticket's live status and serial, so a stale list never lets a replaced code in).
  private final io.marquee.common.infrastructure.ShortCache<String, Map<String, PublicKey>>
      keyCache = new io.marquee.common.infrastructure.ShortCache<>(30_000, 10_000);
  private final io.marquee.common.infrastructure.ShortCache<String, Set<TicketCodes.Revocation>>
      revokedCache = new io.marquee.common.infrastructure.ShortCache<>(2_000, 10_000);

  /** Called where codes are revoked, so this node's next check sees it at once. */
  public void forgetRevocations(TenantSnapshot tenant, UUID eventId) {
    revokedCache.invalidate(tenant.schema() + "/" + eventId);
  }

  /** Checks a code as a door device would, with the event's published keys and revocations. */
  public TicketCodes.Result verify(TenantSnapshot tenant, UUID eventId, String code) {
    TenantSql tsql = sql.in(tenant.schema());
    String k = tenant.schema() + "/" + eventId;
    Set<TicketCodes.Revocation> revoked = revokedCache.get(k, x -> revocations(tenant, eventId));
    TicketCodes.Result r =
        TicketCodes.verify(
            code,
            tenant.slug(),
            eventId,
            keyCache.get(k, x -> new SigningKeys(tsql, vault).publicKeys(eventId)),
            revoked,
            Instant.now());
    if (r.verdict() == TicketCodes.Verdict.UNKNOWN_KEY) {
      keyCache.invalidate(k); // rotated on another node since we looked
      r =
          TicketCodes.verify(
              code,
              tenant.slug(),
              eventId,
              keyCache.get(k, x -> new SigningKeys(tsql, vault).publicKeys(eventId)),
              revoked,
              Instant.now());
    }
    return r;
  }

  /** Gives the ticket to someone else: the old code is revoked, a new one issued. */
  public Ticket transfer(TenantSnapshot tenant, UUID ticketId, String name, String email) {
    TenantSql tsql = sql.in(tenant.schema());
    Ticket t =
        tsql.one("SELECT id FROM {t}.ticket WHERE id = ? FOR UPDATE", rs -> 1, ticketId)
            .map(x -> ticket(tenant, ticketId))
            .orElseThrow(() -> ProblemException.notFound("no such ticket"));
    if (t.status() != TicketStatus.VALID) {
      throw ProblemException.conflict(
          "status", "a " + t.status().db() + " ticket cannot be transferred");
    }
    revoke(tsql, t, "transferred");
    tsql.update(
        "UPDATE {t}.ticket SET serial = serial + 1, holder_name = ?, holder_email = ? WHERE id = ?",
        name,
        email,
        ticketId);
    forgetRevocations(tenant, t.eventId());
    Outbox.append(
        tsql,
        "ticket.transferred",
        ticketId,
        Json.createObjectBuilder()
            .add("ticketId", ticketId.toString())
            .add("eventId", t.eventId().toString())
            .add("serial", t.serial() + 1)
            .build());
    return ticket(tenant, ticketId);
  }

  static void revoke(TenantSql tsql, Ticket t, String reason) {
    tsql.update(
        "INSERT INTO {t}.revoked_code (event_id, ticket_id, serial, reason) VALUES (?, ?, ?, ?) ON"
            + " CONFLICT DO NOTHING",
        t.eventId(),
        t.id(),
        t.serial(),
        reason);
  }
}

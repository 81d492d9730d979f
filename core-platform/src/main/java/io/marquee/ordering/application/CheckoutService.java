package io.marquee.ordering.application;

import io.marquee.catalog.domain.CommerceSettings;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.PromoCode;
import io.marquee.catalog.domain.TicketKind;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Visibility;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.common.problem.ProblemException;
import io.marquee.integration.application.Outbox;
import io.marquee.ordering.domain.Order;
import io.marquee.ordering.domain.OrderLine;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.domain.PriceCalculator;
import io.marquee.ordering.domain.PriceQuote;
import io.marquee.ordering.domain.PricedTicket;
import io.marquee.ordering.domain.Promotion;
import io.marquee.ordering.infrastructure.OrderStore;
import io.marquee.tenancy.application.TenantSnapshot;
import io.marquee.ticketing.domain.Ticket;
import io.marquee.ticketing.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Places holds and ends them. A hold takes ticket-type and quota capacity with conditional updates
 * in a fixed lock order (types, then quotas, each by id), so racing checkouts serialize on the rows
 * they share and never deadlock; the CHECK constraints are the last word.
 */
@ApplicationScoped
@Transactional
public class CheckoutService {
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Sql sql;
  @Inject PaymentService payments;
  @Inject jakarta.enterprise.inject.Instance<CheckoutPricing> pricing;

  /**
   * Each type's unit price: the catalogue's (or the buyer's donation), then what the tenant's
   * checkout plugins set for paid types. Free and donation tickets are never repriced.
   */
  private Map<UUID, Long> unitPrices(
      TenantSnapshot tenant,
      Event event,
      Map<UUID, TicketType> types,
      TreeMap<UUID, Integer> quantities,
      Map<UUID, Long> donations) {
    Map<UUID, Long> prices = new HashMap<>();
    List<CheckoutPricing.Line> lines = new ArrayList<>();
    for (var q : quantities.entrySet()) {
      TicketType type = types.get(q.getKey());
      long price =
          type.kind().isFreeOfCharge() ? 0 : donations.getOrDefault(type.id(), type.priceMinor());
      prices.put(type.id(), price);
      lines.add(
          new CheckoutPricing.Line(
              type.id(),
              type.name(),
              type.kind().name().toLowerCase(Locale.ROOT),
              q.getValue(),
              price));
    }
    if (!pricing.isUnsatisfied()) {
      pricing
          .get()
          .unitPrices(tenant, event.id(), event.currency(), lines)
          .forEach(
              (typeId, price) -> {
                TicketType type = types.get(typeId);
                if (type != null
                    && prices.containsKey(typeId)
                    && price >= 0
                    && type.kind() == TicketKind.PAID) {
                  prices.put(typeId, price);
                }
              });
    }
    return prices;
  }

  public Order place(TenantSnapshot tenant, PlaceOrder cmd) {
    TenantSql tsql = sql.in(tenant.schema());
    CatalogStore catalog = new CatalogStore(tsql);
    OrderStore orders = new OrderStore(tsql);
    Instant now = Instant.now();

    Event event =
        catalog
            .event(cmd.eventId())
            .orElseThrow(() -> ProblemException.invalid("eventId", "no such event"));
    if (!event.onSale(now)) {
      throw ProblemException.unprocessable(
          "eventId",
          event.sales().notYetOpen(now)
              ? "sales for this event open at " + event.sales().start()
              : "this event is not on sale");
    }
    if (cmd.items() == null || cmd.items().isEmpty()) {
      throw ProblemException.invalid("items", "choose at least one ticket");
    }
    Map<UUID, TicketType> types = new HashMap<>();
    for (TicketType t : catalog.ticketTypes(event.id())) {
      types.put(t.id(), t);
    }
    // Merge repeated types and validate every line before touching inventory.
    TreeMap<UUID, Integer> quantities = new TreeMap<>();
    Map<UUID, Long> donations = new HashMap<>();
    Map<UUID, List<String>> names = new HashMap<>();
    for (int i = 0; i < cmd.items().size(); i++) {
      PlaceOrder.Item item = cmd.items().get(i);
      String field = "items[" + i + "]";
      TicketType type = types.get(item.ticketTypeId());
      if (type == null) {
        throw ProblemException.invalid(
            field + ".ticketTypeId", "no such ticket type for this event");
      }
      if (!cmd.staff()
          && (!type.visibleWith(cmd.unlockCode()) || type.kind() == TicketKind.COMPLIMENTARY)) {
        throw type.visibility() == Visibility.CODE
            ? ProblemException.unprocessable(
                "unlockCode", "this ticket type needs a valid unlock code")
            : ProblemException.invalid(
                field + ".ticketTypeId", "no such ticket type for this event");
      }
      if (item.quantity() < 1) {
        throw ProblemException.invalid(field + ".quantity", "quantity must be at least 1");
      }
      if (!type.sales().contains(now)) {
        throw ProblemException.unprocessable(
            field + ".ticketTypeId", type.name() + " is not on sale now");
      }
      if (type.kind() == TicketKind.DONATION && item.amountMinor() != null) {
        if (item.amountMinor() < type.priceMinor()) {
          throw ProblemException.unprocessable(
              field + ".amountMinor",
              type.name() + ": give at least the minimum of " + type.priceMinor());
        }
        donations.put(type.id(), item.amountMinor());
      } else if (item.amountMinor() != null) {
        throw ProblemException.invalid(
            field + ".amountMinor", "only donation tickets take an amount");
      }
      quantities.merge(type.id(), item.quantity(), Integer::sum);
      names
          .computeIfAbsent(type.id(), k -> new ArrayList<>())
          .addAll(item.attendees() == null ? List.of() : item.attendees());
    }
    int totalTickets = 0;
    for (var q : quantities.entrySet()) {
      TicketType type = types.get(q.getKey());
      if (q.getValue() < type.minPerOrder() || q.getValue() > type.maxPerOrder()) {
        throw ProblemException.unprocessable(
            "items",
            type.name()
                + ": between "
                + type.minPerOrder()
                + " and "
                + type.maxPerOrder()
                + " per order");
      }
      if (event.attendeeNamesRequired()
          && (names.get(type.id()).size() != q.getValue()
              || names.get(type.id()).stream().anyMatch(n -> n == null || n.isBlank()))) {
        throw ProblemException.invalid(
            "items.attendees", "this event needs the name of every attendee (" + type.name() + ")");
      }
      totalTickets += q.getValue();
    }

    // Holds that ran out give their tickets back before we look (on read, besides the sweeper job).
    // Done before taking any lock: locks are always taken order → promo → ticket types → quotas.
    if (orders.hasDueHolds(event.id())) {
      expireDue(orders, event.id());
    }

    Promotion promotion = null;
    UUID promoId = null;
    if (cmd.promoCode() != null) {
      PromoCode promo =
          catalog
              .promoCode(event.id(), cmd.promoCode())
              .orElseThrow(() -> ProblemException.unprocessable("promoCode", "unknown promo code"));
      if (!promo.validAt(now)) {
        throw ProblemException.unprocessable("promoCode", "this promo code is not valid now");
      }
      if (promo.ticketTypeId() != null && !quantities.containsKey(promo.ticketTypeId())) {
        throw ProblemException.unprocessable(
            "promoCode",
            "this promo code applies to " + types.get(promo.ticketTypeId()).name() + " only");
      }
      if (promo.maxUses() != null && promo.used() >= promo.maxUses()) {
        throw ProblemException.unprocessable("promoCode", "this promo code has been used up");
      }
      promoId = promo.id();
      promotion =
          new Promotion(
              promo.id(),
              promo.percent(),
              promo.percentBp() == null ? 0 : promo.percentBp(),
              promo.amountMinor() == null ? 0 : promo.amountMinor(),
              promo.ticketTypeId());
    }

    // Fast refusal from the snapshot read above, without waiting on row locks: in a flash sale most
    // buyers arrive after the last ticket, and they should hear "sold out" at once. Not a decision:
    // the conditional updates below are.
    for (var q : quantities.entrySet()) {
      TicketType t = types.get(q.getKey());
      if (t.available() < q.getValue()) {
        throw soldOut(t, t.available());
      }
    }

    CommerceSettings settings = catalog.settings();
    Map<UUID, Long> unitPrices = unitPrices(tenant, event, types, quantities, donations);
    List<PriceCalculator.Unit> units = new ArrayList<>();
    for (var q : quantities.entrySet()) {
      long price = unitPrices.get(q.getKey());
      for (int i = 0; i < q.getValue(); i++) {
        units.add(new PriceCalculator.Unit(q.getKey(), price));
      }
    }
    PriceQuote quote =
        PriceCalculator.quote(
            event.currency(), units, promotion, settings.bookingFeeMinor(), settings.tax());

    UUID orderId = UUID.randomUUID();
    Order order =
        new Order(
            orderId,
            orders.nextNumber(prefix(tenant.slug())),
            HexFormat.of().formatHex(randomBytes(24)),
            event.id(),
            OrderStatus.PENDING,
            cmd.buyerName(),
            cmd.buyerEmail().toLowerCase(Locale.ROOT),
            cmd.buyerPhone(),
            event.currency(),
            quote.subtotal(),
            quote.discount(),
            quote.fee(),
            quote.tax(),
            quote.total(),
            0,
            promoId,
            null,
            null,
            now.plus(settings.holdMinutes(), ChronoUnit.MINUTES),
            null,
            now);
    orders.insert(order);
    for (var q : quantities.entrySet()) {
      orders.insertLine(
          new OrderLine(
              UUID.randomUUID(),
              orderId,
              q.getKey(),
              q.getValue(),
              unitPrices.get(q.getKey()),
              names.get(q.getKey())));
    }
    // Tickets exist from the start, held, with their exact price shares; paying makes them valid.
    Map<UUID, Integer> nameIndex = new HashMap<>();
    for (PricedTicket p : quote.tickets()) {
      int n = nameIndex.merge(p.ticketTypeId(), 1, Integer::sum) - 1;
      List<String> typeNames = names.get(p.ticketTypeId());
      String holder =
          n < typeNames.size() && !typeNames.get(n).isBlank() ? typeNames.get(n) : cmd.buyerName();
      orders.insertTicket(
          new Ticket(
              UUID.randomUUID(),
              orderId,
              event.id(),
              p.ticketTypeId(),
              holder,
              order.buyerEmail(),
              TicketStatus.HELD,
              1,
              p.price(),
              p.discount(),
              p.fee(),
              p.tax(),
              p.amount(),
              now));
    }
    Outbox.append(
        tsql,
        "order.placed",
        orderId,
        Json.createObjectBuilder()
            .add("orderId", orderId.toString())
            .add("number", order.number())
            .add("eventId", event.id().toString())
            .add("tickets", totalTickets)
            .add("totalMinor", order.total())
            .add("currency", order.currency())
            .build());
    // Row locks last, so they are held only until commit: promo code, then capacity.
    if (promoId != null && !orders.usePromo(promoId)) {
      throw ProblemException.unprocessable("promoCode", "this promo code has been used up");
    }
    takeCapacity(orders, quantities, types);
    if (order.total() == 0) {
      payments.markPaid(tenant, orders, order, "free", null);
      return orders.find(orderId).orElseThrow();
    }
    return order;
  }

  private void takeCapacity(
      OrderStore orders, TreeMap<UUID, Integer> quantities, Map<UUID, TicketType> types) {
    for (var q : quantities.entrySet()) {
      if (!orders.takeTicketType(q.getKey(), q.getValue())) {
        TicketType t = types.get(q.getKey());
        int left =
            orders
                .sql()
                .one(
                    "SELECT capacity - taken FROM {t}.ticket_type WHERE id = ?",
                    rs -> rs.getInt(1),
                    q.getKey())
                .orElse(0);
        throw soldOut(t, left);
      }
    }
    TreeMap<UUID, Integer> perQuota = new TreeMap<>();
    for (UUID[] m : orders.quotaMemberships(new ArrayList<>(quantities.keySet()))) {
      perQuota.merge(m[0], quantities.get(m[1]), Integer::sum);
    }
    for (var q : perQuota.entrySet()) {
      if (!orders.takeQuota(q.getKey(), q.getValue())) {
        throw ProblemException.conflict(
            "Sold out", "items", "not enough tickets left for this selection");
      }
    }
  }

  /** Expires every due hold of one tenant schema (the sweeper job); returns how many. */
  public int expireDueIn(String schema) {
    return expireDue(new OrderStore(sql.in(schema)), null);
  }

  /** Expires due holds (of one event, or all when null); returns how many were released. */
  public int expireDue(TenantSnapshot tenant, UUID eventId) {
    return expireDue(new OrderStore(sql.in(tenant.schema())), eventId);
  }

  private int expireDue(OrderStore orders, UUID eventId) {
    int n = 0;
    for (UUID id : orders.dueForExpiry(eventId, 500)) {
      if (end(orders, id, OrderStatus.EXPIRED)) {
        n++;
      }
    }
    return n;
  }

  /** Staff cancel a pending order (e.g. an unpaid counter reservation). */
  public Order cancel(TenantSnapshot tenant, UUID orderId) {
    OrderStore orders = new OrderStore(sql.in(tenant.schema()));
    Order o = orders.lock(orderId).orElseThrow(() -> ProblemException.notFound("no such order"));
    if (o.status() != OrderStatus.PENDING) {
      throw ProblemException.conflict(
          "status",
          "only a pending order can be cancelled; refund a paid one (it is "
              + o.status().db()
              + ")");
    }
    end(orders, orderId, OrderStatus.CANCELLED);
    return orders.find(orderId).orElseThrow();
  }

  /** Expires the order if its hold ran out; answers the order as it now stands. */
  public Order refresh(TenantSnapshot tenant, Order o) {
    if (o.holdExpired(Instant.now())) {
      OrderStore orders = new OrderStore(sql.in(tenant.schema()));
      orders.lock(o.id());
      end(orders, o.id(), OrderStatus.EXPIRED);
      return orders.find(o.id()).orElseThrow();
    }
    return o;
  }

  /**
   * Ends a pending order and returns its capacity. The conditional status change is what makes the
   * release happen exactly once, however many workers race here.
   */
  boolean end(OrderStore orders, UUID orderId, OrderStatus to) {
    if (!orders.transition(orderId, OrderStatus.PENDING, to)) {
      return false;
    }
    Order o = orders.find(orderId).orElseThrow();
    List<OrderLine> lines = orders.lines(orderId);
    if (o.promoCodeId() != null) {
      orders.unusePromo(o.promoCodeId());
    }
    releaseLines(orders, lines);
    orders.deleteHeldTickets(orderId);
    Outbox.append(
        orders.sql(),
        "order." + to.db(),
        orderId,
        Json.createObjectBuilder()
            .add("orderId", orderId.toString())
            .add("number", o.number())
            .build());
    Outbox.append(
        orders.sql(),
        "capacity.released",
        o.eventId(),
        Json.createObjectBuilder()
            .add("eventId", o.eventId().toString())
            .add("tickets", lines.stream().mapToInt(OrderLine::quantity).sum())
            .build());
    return true;
  }

  static void releaseLines(OrderStore orders, List<OrderLine> lines) {
    TreeMap<UUID, Integer> perType = new TreeMap<>();
    for (OrderLine l : lines) {
      perType.merge(l.ticketTypeId(), l.quantity(), Integer::sum);
    }
    release(orders, perType);
  }

  /** Returns capacity for the given ticket counts per type, in the same lock order as taking. */
  static void release(OrderStore orders, TreeMap<UUID, Integer> perType) {
    for (var e : perType.entrySet()) {
      orders.releaseTicketType(e.getKey(), e.getValue());
    }
    TreeMap<UUID, Integer> perQuota = new TreeMap<>();
    for (UUID[] m : orders.quotaMemberships(new ArrayList<>(perType.keySet()))) {
      perQuota.merge(m[0], perType.get(m[1]), Integer::sum);
    }
    for (var e : perQuota.entrySet()) {
      orders.releaseQuota(e.getKey(), e.getValue());
    }
  }

  private static ProblemException soldOut(TicketType t, int left) {
    return ProblemException.conflict(
        "Sold out",
        "items",
        left <= 0 ? t.name() + " is sold out" : "only " + left + " " + t.name() + " left");
  }

  static String prefix(String slug) {
    String letters = slug.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
    return letters.isEmpty() ? "MQ" : letters.substring(0, Math.min(3, letters.length()));
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}

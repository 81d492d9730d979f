package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.EventStatus;
import io.marquee.catalog.domain.TicketKind;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Venue;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.problem.ProblemException;
import io.marquee.ordering.application.CheckoutService;
import io.marquee.ordering.application.PaymentService;
import io.marquee.ordering.application.PlaceOrder;
import io.marquee.ordering.domain.Order;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The event page and its checkout: ticket choice, buyer details, promo code, then pay online (test
 * gateway) or reserve to pay at the counter. Works as a guest.
 */
@Named("store.event")
@ViewScoped
public class StoreEventBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TenantContext tenant;
  @Inject transient CatalogService catalog;
  @Inject transient CheckoutService checkout;
  @Inject transient PaymentService payments;
  @Inject transient io.marquee.tenancy.application.PlatformSettings platform;
  @Inject transient io.marquee.plugins.application.StorefrontBlocks blocks;

  /** One ticket type on the page, with the quantity the buyer picked. */
  public static class Choice implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private String name;
    private String price;
    private String availability;
    private boolean soldOut;
    private boolean fewLeft;
    private String description;
    private List<String> benefits;
    private int max;
    private int quantity;
    private List<Name> names = new ArrayList<>();

    public String getId() {
      return id;
    }

    public String getName() {
      return name;
    }

    public String getPrice() {
      return price;
    }

    public String getAvailability() {
      return availability;
    }

    public boolean isSoldOut() {
      return soldOut;
    }

    public boolean isFewLeft() {
      return fewLeft;
    }

    public String getDescription() {
      return description;
    }

    public List<String> getBenefits() {
      return benefits;
    }

    /** One name field per chosen ticket, when the event asks for attendee names. */
    public List<Name> getNames() {
      return names;
    }

    public List<Integer> getOptions() {
      List<Integer> o = new ArrayList<>();
      for (int i = 0; i <= max; i++) {
        o.add(i);
      }
      return o;
    }

    public int getQuantity() {
      return quantity;
    }

    public void setQuantity(int quantity) {
      this.quantity = quantity;
    }
  }

  /** An attendee's name for one ticket. */
  public static class Name implements Serializable {
    private static final long serialVersionUID = 1L;
    private String value;

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  private String slug;
  private String code;
  private boolean namesStep;
  private boolean namesShown;
  private transient Event event;
  private transient Venue venue;
  private transient boolean venueRead;
  private transient io.marquee.catalog.domain.Organiser organiser;
  private transient boolean organiserRead;
  private transient String priceNote;
  private transient List<String> pluginBlocks;
  private transient List<java.util.Map<String, String>> otherDates;
  private transient List<TicketType> types;
  private List<Choice> choices;
  private String buyerName;
  private String buyerEmail;
  private String promoCode;

  private TenantSnapshot t() {
    return tenant.require();
  }

  private java.util.Locale locale() {
    return java.util.Locale.forLanguageTag(t().locale());
  }

  /** Read once per view: a page render asks for the event many times. */
  public Event getEvent() {
    if (event == null) {
      CatalogStore store = catalog.store(t());
      Event e = slug == null ? null : store.eventBySlug(slug).orElse(null);
      if (e == null || e.status() == EventStatus.DRAFT) {
        throw ProblemException.notFound("no such event");
      }
      event = e;
    }
    return event;
  }

  /** Called by the view action: unknown slugs answer 404, not an error page. */
  public void load() throws IOException {
    try {
      getEvent();
    } catch (ProblemException e) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No such event");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public String getTitle() {
    return getEvent().title();
  }

  public String getDescription() {
    return getEvent().description() == null ? "" : getEvent().description();
  }

  public String getWhen() {
    Event e = getEvent();
    return StoreFormat.when(t(), e.startsAt(), e.timeZone());
  }

  public List<String> getLineup() {
    return getEvent().lineup();
  }

  public String getStatus() {
    return getEvent().status().db();
  }

  public boolean isOnSale() {
    return getEvent().onSale(Instant.now());
  }

  public Venue getVenue() {
    if (!venueRead) {
      Event e = getEvent();
      venue = e.venueId() == null ? null : catalog.store(t()).venue(e.venueId()).orElse(null);
      venueRead = true;
    }
    return venue;
  }

  private List<TicketType> types() {
    if (types == null) {
      types = catalog.store(t()).ticketTypes(getEvent().id());
    }
    return types;
  }

  /** Who puts the event on; null when the event names no organiser (the tenant itself). */
  public io.marquee.catalog.domain.Organiser getOrganiser() {
    if (!organiserRead) {
      Event e = getEvent();
      organiser =
          e.organiserId() == null
              ? null
              : catalog.store(t()).organiser(e.organiserId()).orElse(null);
      organiserRead = true;
    }
    return organiser;
  }

  public String getVenueUrl() {
    Venue v = getVenue();
    return v == null ? null : "/venue.xhtml?v=" + v.id();
  }

  public String getVenueName() {
    Venue v = getVenue();
    return v == null ? "" : v.name();
  }

  public String getVenueCity() {
    Venue v = getVenue();
    return v == null || v.city() == null ? "" : v.city();
  }

  public String getMapUrl() {
    return mapUrl(getVenue());
  }

  static String mapUrl(Venue v) {
    if (v == null) {
      return null;
    }
    String query =
        v.latitude() != null && v.longitude() != null
            ? v.latitude() + "," + v.longitude()
            : v.name() + " " + (v.city() == null ? "" : v.city());
    return "https://www.openstreetmap.org/search?query="
        + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  public String getCalendarUrl() {
    return "/api/v1/public/events/" + getEvent().slug() + "/calendar.ics";
  }

  public List<Choice> getChoices() {
    if (choices == null) {
      Event e = getEvent();
      choices = new ArrayList<>();
      for (TicketType tt : types()) {
        if (!tt.visibleWith(code) || tt.kind() == TicketKind.COMPLIMENTARY) {
          continue;
        }
        Choice c = new Choice();
        c.id = tt.id().toString();
        c.name = tt.name();
        c.price =
            tt.priceMinor() == 0
                ? StoreText.get(locale(), "price.free")
                : StoreFormat.money(t(), tt.priceMinor(), tt.currency());
        c.description = tt.description();
        c.benefits = tt.benefits();
        c.soldOut = tt.available() == 0;
        c.fewLeft = !c.soldOut && tt.available() <= 10;
        c.availability =
            c.soldOut
                ? StoreText.get(locale(), "availability.soldOut")
                : c.fewLeft
                    ? StoreText.get(locale(), "availability.fewLeft", tt.available())
                    : StoreText.get(locale(), "availability.available");
        c.max = Math.min(tt.maxPerOrder(), tt.available());
        choices.add(c);
      }
    }
    return choices;
  }

  /** schema.org Event as JSON-LD, escaped for a script element. */
  public String getJsonLd() {
    Event e = getEvent();
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("@context", "https://schema.org")
            .add("@type", "Event")
            .add("name", e.title())
            .add(
                "startDate",
                e.startsAt()
                    .atZone(java.time.ZoneId.of(e.timeZone()))
                    .toOffsetDateTime()
                    .toString())
            .add(
                "eventStatus",
                e.status() == EventStatus.CANCELLED
                    ? "https://schema.org/EventCancelled"
                    : "https://schema.org/EventScheduled")
            .add("url", canonical());
    if (e.endsAt() != null) {
      b.add(
          "endDate",
          e.endsAt().atZone(java.time.ZoneId.of(e.timeZone())).toOffsetDateTime().toString());
    }
    if (e.description() != null) {
      b.add("description", e.description());
    }
    Venue v = getVenue();
    if (v != null) {
      JsonObjectBuilder place =
          Json.createObjectBuilder().add("@type", "Place").add("name", v.name());
      JsonObjectBuilder address = Json.createObjectBuilder().add("@type", "PostalAddress");
      if (v.address() != null) {
        address.add("streetAddress", v.address());
      }
      if (v.city() != null) {
        address.add("addressLocality", v.city());
      }
      b.add("location", place.add("address", address));
    }
    io.marquee.catalog.domain.Organiser org = getOrganiser();
    b.add(
        "organizer",
        Json.createObjectBuilder()
            .add("@type", "Organization")
            .add("name", org == null ? t().displayName() : org.name())
            .add(
                "url",
                platform.baseUrl(t().primaryHost())
                    + (org == null ? "/" : "/organiser.xhtml?o=" + org.slug())));
    JsonArrayBuilder offers = Json.createArrayBuilder();
    for (TicketType tt : types()) {
      if (tt.visibleWith(null)) {
        offers.add(
            Json.createObjectBuilder()
                .add("@type", "Offer")
                .add("name", tt.name())
                .add(
                    "price",
                    io.marquee.common.domain.Money.of(tt.priceMinor(), tt.currency())
                        .toDecimal()
                        .toPlainString())
                .add("priceCurrency", tt.currency())
                .add(
                    "availability",
                    tt.available() == 0
                        ? "https://schema.org/SoldOut"
                        : "https://schema.org/InStock")
                .add("url", canonical()));
      }
    }
    b.add("offers", offers);
    // "</" must not end the script element early.
    return b.build().toString().replace("</", "<\\/");
  }

  public String canonical() {
    return platform.baseUrl(t().primaryHost()) + "/event.xhtml?e=" + getEvent().slug();
  }

  public void payOnline() throws IOException {
    place("test");
  }

  public void payAtCounter() throws IOException {
    place("counter");
  }

  private void place(String provider) throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    try {
      List<PlaceOrder.Item> items = new ArrayList<>();
      for (Choice c : getChoices()) {
        if (c.quantity < 0 || c.quantity > c.max) {
          throw ProblemException.invalid("items", StoreText.get(locale(), "checkout.tooMany"));
        }
        if (c.quantity > 0) {
          List<String> names = c.names.stream().map(Name::getValue).toList();
          items.add(new PlaceOrder.Item(UUID.fromString(c.id), c.quantity, names, null));
        }
      }
      if (items.isEmpty()) {
        throw ProblemException.invalid("items", StoreText.get(locale(), "checkout.chooseTicket"));
      }
      if (buyerName == null || buyerName.isBlank()) {
        throw ProblemException.invalid("buyerName", StoreText.get(locale(), "checkout.needName"));
      }
      if (buyerEmail == null || !buyerEmail.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw ProblemException.invalid("buyerEmail", StoreText.get(locale(), "checkout.needEmail"));
      }
      if (getEvent().attendeeNamesRequired() && !namesComplete()) {
        // Second step: one name per chosen ticket, then the same buttons place the order.
        namesStep = true;
        for (Choice c : getChoices()) {
          while (c.names.size() < c.quantity) {
            c.names.add(new Name());
          }
          while (c.names.size() > c.quantity) {
            c.names.remove(c.names.size() - 1);
          }
        }
        if (namesShown) {
          throw ProblemException.invalid(
              "items.attendees", StoreText.get(locale(), "checkout.needAttendees"));
        }
        namesShown = true;
        return;
      }
      Order o =
          checkout.place(
              t(),
              new PlaceOrder(
                  getEvent().id(),
                  items,
                  buyerName.strip(),
                  buyerEmail.strip(),
                  null,
                  promoCode == null || promoCode.isBlank() ? null : promoCode.strip(),
                  code,
                  false));
      String orderPage = "/order.xhtml?id=" + o.id() + "&token=" + o.accessToken();
      if (o.total() == 0) {
        fc.getExternalContext().redirect(orderPage);
        return;
      }
      PaymentService.Started s = payments.start(t(), o.id(), provider, orderPage);
      fc.getExternalContext()
          .redirect(s.next().redirectUrl() != null ? s.next().redirectUrl() : orderPage);
    } catch (ProblemException e) {
      if (!namesStep) {
        choices = null;
      }
      types = null;
      fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private boolean namesComplete() {
    for (Choice c : getChoices()) {
      if (c.quantity > 0
          && (c.names.size() != c.quantity
              || c.names.stream().anyMatch(n -> n.value == null || n.value.isBlank()))) {
        return false;
      }
    }
    return true;
  }

  public boolean isNamesStep() {
    return namesStep;
  }

  /** Other dates of the same series that are on sale (a multi-date event's time slots). */
  public List<java.util.Map<String, String>> getOtherDates() {
    if (otherDates != null) {
      return otherDates;
    }
    List<java.util.Map<String, String>> out = new ArrayList<>();
    Event e = getEvent();
    for (Event d : catalog.store(t()).seriesDates(e.seriesId())) {
      if (!d.id().equals(e.id()) && d.onSale(Instant.now())) {
        out.add(
            java.util.Map.of(
                "slug", d.slug(), "when", StoreFormat.when(t(), d.startsAt(), d.timeZone())));
      }
    }
    otherDates = out;
    return out;
  }

  /** How prices are to be read: the tenant's tax mode and booking fee. */
  public String getPriceNote() {
    if (priceNote == null) {
      priceNote = priceNote();
    }
    return priceNote;
  }

  private String priceNote() {
    io.marquee.catalog.domain.CommerceSettings s = catalog.settings(t());
    StringBuilder b = new StringBuilder();
    if (s.tax().rateBp() > 0) {
      String rate =
          java.math.BigDecimal.valueOf(s.tax().rateBp(), 2).stripTrailingZeros().toPlainString();
      b.append(
          StoreText.get(
              locale(),
              s.tax().inclusive() ? "price.taxIncluded" : "price.taxExtra",
              s.taxLabel(),
              rate));
    }
    if (s.bookingFeeMinor() > 0) {
      if (b.length() > 0) {
        b.append(" · ");
      }
      b.append(
          StoreText.get(
              locale(),
              "price.bookingFee",
              StoreFormat.money(t(), s.bookingFeeMinor(), getEvent().currency())));
    }
    return b.toString();
  }

  /** Blocks the tenant's enabled plugins add below the description (e.g. testimonials). */
  public List<String> getPluginBlocks() {
    if (pluginBlocks == null) {
      pluginBlocks =
          blocks.render(
              t(),
              io.marquee.plugin.api.StorefrontBlock.Slot.EVENT_PAGE,
              getEvent().id().toString());
    }
    return pluginBlocks;
  }

  public String getImage() {
    return getEvent().images().isEmpty() ? null : getEvent().images().get(0);
  }

  public String getDoors() {
    Event e = getEvent();
    return e.doorsAt() == null ? null : StoreFormat.time(t(), e.doorsAt(), e.timeZone());
  }

  public String getShareText() {
    return URLEncoder.encode(getTitle() + " " + canonical(), StandardCharsets.UTF_8);
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getBuyerName() {
    return buyerName;
  }

  public void setBuyerName(String v) {
    buyerName = v;
  }

  public String getBuyerEmail() {
    return buyerEmail;
  }

  public void setBuyerEmail(String v) {
    buyerEmail = v;
  }

  public String getPromoCode() {
    return promoCode;
  }

  public void setPromoCode(String v) {
    promoCode = v;
  }
}

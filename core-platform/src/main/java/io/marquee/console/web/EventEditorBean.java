package io.marquee.console.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Event;
import io.marquee.catalog.domain.PromoCode;
import io.marquee.catalog.domain.Quota;
import io.marquee.catalog.domain.SalesWindow;
import io.marquee.catalog.domain.TicketKind;
import io.marquee.catalog.domain.TicketType;
import io.marquee.catalog.domain.Visibility;
import io.marquee.catalog.infrastructure.CatalogStore;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.ordering.application.EventCancellation;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Console › Event: the step-by-step editor (basics; venue and dates; ticket types and quotas; promo
 * codes; publish), plus duplicate and cancel-with-refunds.
 */
@Named("console.event")
@ViewScoped
public class EventEditorBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogService catalog;
  @Inject transient EventCancellation cancellation;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;

  private String id;
  private boolean loaded;
  // Basics
  private String title;
  private String description;
  private String category;
  private Integer ageRestriction;
  private boolean attendeeNames;
  // Venue and dates
  private String venueId;
  private String startsAt;
  private String endsAt;
  private String doorsAt;
  private String salesStart;
  private String salesEnd;
  // New ticket type
  private String typeName;
  private String typePrice;
  private Integer typeCapacity;
  private Integer typeMax = 10;
  private String typeKind = "paid";
  private String typeVisibility = "public";
  private String typeUnlockCode;
  // New quota
  private String quotaName;
  private Integer quotaCapacity;
  private List<String> quotaTypes = new ArrayList<>();
  // New promo code
  private String promoCode;
  private String promoKind = "percent";
  private String promoValue;
  private Integer promoMaxUses;
  // Duplicate
  private String duplicateStart;
  private String cancelReason;

  public void load() {
    if (loaded) {
      return;
    }
    caller.require(Permission.VIEW_EVENTS);
    Event e = event();
    title = e.title();
    description = e.description();
    category = e.category();
    ageRestriction = e.ageRestriction();
    attendeeNames = e.attendeeNamesRequired();
    venueId = e.venueId() == null ? "" : e.venueId().toString();
    startsAt = ConsoleFormat.local(e.startsAt(), e.timeZone());
    endsAt = ConsoleFormat.local(e.endsAt(), e.timeZone());
    doorsAt = ConsoleFormat.local(e.doorsAt(), e.timeZone());
    salesStart = ConsoleFormat.local(e.sales().start(), e.timeZone());
    salesEnd = ConsoleFormat.local(e.sales().end(), e.timeZone());
    loaded = true;
  }

  private TenantSnapshot t() {
    return tenant.require();
  }

  private CatalogStore store() {
    return catalog.store(t());
  }

  public Event event() {
    try {
      return catalog.event(t(), UUID.fromString(id));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ProblemException.notFound("no such event");
    }
  }

  public Map<String, Object> getView() {
    Event e = event();
    Map<String, Object> m = Rows.of(e);
    m.put("status", e.status().db());
    m.put("starts", ConsoleFormat.local(e.startsAt(), e.timeZone()));
    return m;
  }

  public List<Map<String, Object>> getTypes() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TicketType tt : store().ticketTypes(UUID.fromString(id))) {
      Map<String, Object> m = Rows.of(tt);
      m.put("id", tt.id().toString());
      m.put("price", ConsoleFormat.money(tt.priceMinor(), tt.currency()));
      m.put("kind", tt.kind().db());
      m.put("visibility", tt.visibility().db());
      m.put("held", tt.taken() - tt.sold());
      rows.add(m);
    }
    return rows;
  }

  public Map<String, String> getTypeChoices() {
    Map<String, String> m = new LinkedHashMap<>();
    for (TicketType tt : store().ticketTypes(UUID.fromString(id))) {
      m.put(tt.name(), tt.id().toString());
    }
    return m;
  }

  public List<Map<String, Object>> getQuotas() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Quota q : store().quotas(UUID.fromString(id))) {
      Map<String, Object> m = Rows.of(q);
      m.put("members", q.ticketTypeIds().size());
      rows.add(m);
    }
    return rows;
  }

  public List<Map<String, Object>> getPromos() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PromoCode p : store().promoCodes(UUID.fromString(id))) {
      Map<String, Object> m = Rows.of(p);
      m.put(
          "effect",
          p.percent()
              ? (p.percentBp() / 100.0) + " %"
              : ConsoleFormat.money(p.amountMinor(), event().currency()));
      rows.add(m);
    }
    return rows;
  }

  public Map<String, String> getVenueChoices() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("(no venue yet)", "");
    store().venues().forEach(v -> m.put(v.name(), v.id().toString()));
    return m;
  }

  public void saveBasics() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          Event e = event();
          if (title == null || title.isBlank()) {
            throw ProblemException.invalid("title", "the event needs a title");
          }
          catalog.updateEvent(
              t(),
              new Event(
                  e.id(),
                  e.seriesId(),
                  e.slug(),
                  title.strip(),
                  description,
                  category,
                  e.genres(),
                  e.images(),
                  e.lineup(),
                  e.venueId(),
                  e.timeZone(),
                  e.startsAt(),
                  e.endsAt(),
                  e.doorsAt(),
                  ageRestriction,
                  e.status(),
                  e.sales(),
                  e.currency(),
                  attendeeNames,
                  e.counterHoldHours(),
                  e.refundPolicyJson(),
                  e.organiserId()));
          Messages.info("Basics saved");
        });
  }

  public void saveDates() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          Event e = event();
          String z = e.timeZone();
          var start = ConsoleFormat.parseLocal("startsAt", startsAt, z);
          if (start == null) {
            throw ProblemException.invalid("startsAt", "when does it start?");
          }
          var end = ConsoleFormat.parseLocal("endsAt", endsAt, z);
          if (end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("endsAt", "the end must be after the start");
          }
          var ss = ConsoleFormat.parseLocal("salesStart", salesStart, z);
          var se = ConsoleFormat.parseLocal("salesEnd", salesEnd, z);
          if (ss != null && se != null && !se.isAfter(ss)) {
            throw ProblemException.invalid("salesEnd", "sales must end after they start");
          }
          catalog.updateEvent(
              t(),
              new Event(
                  e.id(),
                  e.seriesId(),
                  e.slug(),
                  e.title(),
                  e.description(),
                  e.category(),
                  e.genres(),
                  e.images(),
                  e.lineup(),
                  venueId == null || venueId.isBlank() ? null : UUID.fromString(venueId),
                  z,
                  start,
                  end,
                  ConsoleFormat.parseLocal("doorsAt", doorsAt, z),
                  e.ageRestriction(),
                  e.status(),
                  new SalesWindow(ss, se),
                  e.currency(),
                  e.attendeeNamesRequired(),
                  e.counterHoldHours(),
                  e.refundPolicyJson(),
                  e.organiserId()));
          Messages.info("Venue and dates saved");
        });
  }

  public void addType() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          Event e = event();
          if (typeName == null || typeName.isBlank()) {
            throw ProblemException.invalid("typeName", "name the ticket type");
          }
          if (typeCapacity == null || typeCapacity < 0) {
            throw ProblemException.invalid("typeCapacity", "how many tickets of this type?");
          }
          TicketKind kind = TicketKind.parse(typeKind);
          long price =
              kind.isFreeOfCharge() ? 0 : ConsoleFormat.minor("typePrice", typePrice, e.currency());
          if (kind == TicketKind.PAID && price == 0) {
            throw ProblemException.invalid("typePrice", "a paid ticket needs a price");
          }
          Visibility vis = Visibility.parse(typeVisibility);
          if (vis == Visibility.CODE && (typeUnlockCode == null || typeUnlockCode.isBlank())) {
            throw ProblemException.invalid("typeUnlockCode", "give the unlock code");
          }
          int max = typeMax == null ? 10 : typeMax;
          catalog.addTicketType(
              t(),
              new TicketType(
                  null,
                  e.id(),
                  typeName.strip(),
                  null,
                  kind,
                  price,
                  e.currency(),
                  typeCapacity,
                  0,
                  0,
                  new SalesWindow(null, null),
                  1,
                  max,
                  vis,
                  vis == Visibility.CODE ? typeUnlockCode.strip() : null,
                  List.of(),
                  getTypes().size()));
          Messages.info("Added " + typeName.strip());
          typeName = typePrice = typeUnlockCode = null;
          typeCapacity = null;
        });
  }

  public void addQuota() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          if (quotaName == null || quotaName.isBlank() || quotaCapacity == null) {
            throw ProblemException.invalid("quotaName", "name the quota and give its capacity");
          }
          catalog.addQuota(
              t(),
              new Quota(
                  null,
                  UUID.fromString(id),
                  quotaName.strip(),
                  quotaCapacity,
                  0,
                  quotaTypes.stream().map(UUID::fromString).toList()));
          Messages.info("Added quota " + quotaName.strip());
          quotaName = null;
          quotaCapacity = null;
          quotaTypes = new ArrayList<>();
        });
  }

  public void addPromo() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          if (promoCode == null || !promoCode.strip().matches("[A-Za-z0-9_-]+")) {
            throw ProblemException.invalid("promoCode", "a code of letters and digits");
          }
          boolean percent = "percent".equals(promoKind);
          Integer bp = null;
          Long amount = null;
          if (percent) {
            try {
              bp = new java.math.BigDecimal(promoValue.strip()).movePointRight(2).intValueExact();
            } catch (RuntimeException ex) {
              throw ProblemException.invalid("promoValue", "a percentage like 10");
            }
            if (bp < 1 || bp > 10_000) {
              throw ProblemException.invalid("promoValue", "between 0.01 and 100 %");
            }
          } else {
            amount = ConsoleFormat.minor("promoValue", promoValue, event().currency());
          }
          catalog.addPromoCode(
              t(),
              new PromoCode(
                  null,
                  UUID.fromString(id),
                  promoCode.strip().toUpperCase(Locale.ROOT),
                  percent,
                  bp,
                  amount,
                  null,
                  promoMaxUses,
                  0,
                  null,
                  null));
          Messages.info("Added code " + promoCode.strip().toUpperCase(Locale.ROOT));
          promoCode = promoValue = null;
          promoMaxUses = null;
        });
  }

  public void publish() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          catalog.publish(t(), UUID.fromString(id));
          Messages.info("Published: the event is on sale");
        });
  }

  public void duplicate() throws IOException {
    try {
      caller.require(Permission.MANAGE_EVENTS);
      Event e = event();
      var start = ConsoleFormat.parseLocal("duplicateStart", duplicateStart, e.timeZone());
      Event copy = catalog.duplicate(t(), e.id(), start, start != null, null);
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect("/console/event.xhtml?id=" + copy.id());
    } catch (ProblemException ex) {
      Messages.error(ex);
    }
  }

  public void cancelEvent() {
    Messages.guard(
        () -> {
          caller.require(Permission.MANAGE_EVENTS);
          caller.require(Permission.REFUND_ORDERS);
          var o = cancellation.cancel(t(), UUID.fromString(id), cancelReason, caller.actor());
          Messages.info(
              "Cancelled: "
                  + o.refunded()
                  + " orders refunded, "
                  + o.cancelled()
                  + " reservations cancelled");
        });
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String v) {
    title = v;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String v) {
    description = v;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String v) {
    category = v;
  }

  public Integer getAgeRestriction() {
    return ageRestriction;
  }

  public void setAgeRestriction(Integer v) {
    ageRestriction = v;
  }

  public boolean isAttendeeNames() {
    return attendeeNames;
  }

  public void setAttendeeNames(boolean v) {
    attendeeNames = v;
  }

  public String getVenueId() {
    return venueId;
  }

  public void setVenueId(String v) {
    venueId = v;
  }

  public String getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(String v) {
    startsAt = v;
  }

  public String getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(String v) {
    endsAt = v;
  }

  public String getDoorsAt() {
    return doorsAt;
  }

  public void setDoorsAt(String v) {
    doorsAt = v;
  }

  public String getSalesStart() {
    return salesStart;
  }

  public void setSalesStart(String v) {
    salesStart = v;
  }

  public String getSalesEnd() {
    return salesEnd;
  }

  public void setSalesEnd(String v) {
    salesEnd = v;
  }

  public String getTypeName() {
    return typeName;
  }

  public void setTypeName(String v) {
    typeName = v;
  }

  public String getTypePrice() {
    return typePrice;
  }

  public void setTypePrice(String v) {
    typePrice = v;
  }

  public Integer getTypeCapacity() {
    return typeCapacity;
  }

  public void setTypeCapacity(Integer v) {
    typeCapacity = v;
  }

  public Integer getTypeMax() {
    return typeMax;
  }

  public void setTypeMax(Integer v) {
    typeMax = v;
  }

  public String getTypeKind() {
    return typeKind;
  }

  public void setTypeKind(String v) {
    typeKind = v;
  }

  public String getTypeVisibility() {
    return typeVisibility;
  }

  public void setTypeVisibility(String v) {
    typeVisibility = v;
  }

  public String getTypeUnlockCode() {
    return typeUnlockCode;
  }

  public void setTypeUnlockCode(String v) {
    typeUnlockCode = v;
  }

  public String getQuotaName() {
    return quotaName;
  }

  public void setQuotaName(String v) {
    quotaName = v;
  }

  public Integer getQuotaCapacity() {
    return quotaCapacity;
  }

  public void setQuotaCapacity(Integer v) {
    quotaCapacity = v;
  }

  public List<String> getQuotaTypes() {
    return quotaTypes;
  }

  public void setQuotaTypes(List<String> v) {
    quotaTypes = v;
  }

  public String getPromoCode() {
    return promoCode;
  }

  public void setPromoCode(String v) {
    promoCode = v;
  }

  public String getPromoKind() {
    return promoKind;
  }

  public void setPromoKind(String v) {
    promoKind = v;
  }

  public String getPromoValue() {
    return promoValue;
  }

  public void setPromoValue(String v) {
    promoValue = v;
  }

  public Integer getPromoMaxUses() {
    return promoMaxUses;
  }

  public void setPromoMaxUses(Integer v) {
    promoMaxUses = v;
  }

  public String getDuplicateStart() {
    return duplicateStart;
  }

  public void setDuplicateStart(String v) {
    duplicateStart = v;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String v) {
    cancelReason = v;
  }
}

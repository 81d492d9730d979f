package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Venue;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.UUID;

/** A venue's page: where it is, and its upcoming events (the same search, limited to it). */
@Named("store.venue")
@RequestScoped
public class StoreVenueBean {
  @Inject TenantContext tenant;
  @Inject CatalogService catalog;
  @Inject StoreSearchBean search;

  private String id;
  private Venue venue;

  public void load() throws IOException {
    try {
      venue = catalog.store(tenant.require()).venue(UUID.fromString(id)).orElse(null);
    } catch (IllegalArgumentException | NullPointerException e) {
      venue = null;
    }
    if (venue == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No such venue");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    search.setVenueId(venue.id());
  }

  public Venue getVenue() {
    return venue;
  }

  public String getMapUrl() {
    return StoreEventBean.mapUrl(venue);
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}

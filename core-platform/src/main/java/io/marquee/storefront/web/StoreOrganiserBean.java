package io.marquee.storefront.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Organiser;
import io.marquee.tenancy.application.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** An organiser's page: who they are, and their upcoming events (the search, limited to them). */
@Named("store.organiser")
@RequestScoped
public class StoreOrganiserBean {
  @Inject TenantContext tenant;
  @Inject CatalogService catalog;
  @Inject StoreSearchBean search;

  private String slug;
  private Organiser organiser;

  public void load() throws IOException {
    organiser =
        slug == null ? null : catalog.store(tenant.require()).organiserBySlug(slug).orElse(null);
    if (organiser == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No such organiser");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    search.setOrganiserId(organiser.id());
  }

  public Organiser getOrganiser() {
    return organiser;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }
}

package io.marquee.console.web;

import io.marquee.catalog.application.CatalogService;
import io.marquee.catalog.domain.Venue;
import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.TenantContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Console › Venues. */
@Named("console.venues")
@ViewScoped
public class VenuesBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogService catalog;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;

  private String name;
  private String city;
  private String address;
  private Integer capacity;
  private String amenities;

  public List<Map<String, Object>> getVenues() {
    caller.require(Permission.VIEW_EVENTS);
    return Rows.of(catalog.store(tenant.require()).venues());
  }

  public void add() {
    try {
      caller.require(Permission.MANAGE_EVENTS);
      if (name == null || name.isBlank()) {
        throw ProblemException.invalid("name", "the venue needs a name");
      }
      List<String> am =
          amenities == null || amenities.isBlank()
              ? List.of()
              : Arrays.stream(amenities.split(","))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
      Venue v =
          catalog.createVenue(
              tenant.require(),
              new Venue(null, name.strip(), address, city, null, null, capacity, am));
      Messages.info("Added " + v.name());
      name = city = address = amenities = null;
      capacity = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCity() {
    return city;
  }

  public void setCity(String city) {
    this.city = city;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getAmenities() {
    return amenities;
  }

  public void setAmenities(String amenities) {
    this.amenities = amenities;
  }
}

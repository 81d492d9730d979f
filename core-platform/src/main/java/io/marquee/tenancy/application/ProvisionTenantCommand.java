package io.marquee.tenancy.application;

import java.util.ArrayList;
import java.util.List;

/**
 * What an operator asks for when provisioning a tenant. {@code staff} are initial staff members
 * (email and role name) added to the tenant's organization; {@code domains} are custom domains
 * besides {@code <slug>.<platform>}.
 */
public class ProvisionTenantCommand {
  private String slug;
  private String displayName;
  private String currency;
  private String locale;
  private String timeZone;
  private String theme;
  private List<String> domains = new ArrayList<>();
  private List<StaffSeat> staff = new ArrayList<>();

  /** One initial staff member. */
  public static class StaffSeat {
    private String email;
    private String role;

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getRole() {
      return role;
    }

    public void setRole(String role) {
      this.role = role;
    }
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getTheme() {
    return theme;
  }

  public void setTheme(String theme) {
    this.theme = theme;
  }

  public List<String> getDomains() {
    return domains;
  }

  public void setDomains(List<String> domains) {
    this.domains = domains;
  }

  public List<StaffSeat> getStaff() {
    return staff;
  }

  public void setStaff(List<StaffSeat> staff) {
    this.staff = staff;
  }
}

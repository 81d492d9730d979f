package io.marquee.tenancy.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.TenantIdentityService;
import io.marquee.identity.domain.StaffRole;
import io.marquee.tenancy.domain.Tenant;
import io.marquee.tenancy.domain.TenantStatus;
import io.marquee.tenancy.infrastructure.TenantSchemaSetup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Provisions, suspends and resumes tenants and manages their domains. Provisioning is idempotent
 * (the same request twice yields one tenant) and all-or-nothing: a failure midway removes what this
 * attempt created (schema, organization, client, rows) before the error is reported, so a retry
 * starts clean.
 */
@ApplicationScoped
public class TenantProvisioningService {
  private static final Logger LOG = Logger.getLogger(TenantProvisioningService.class.getName());

  @Inject TenantRecords records;
  @Inject TenantSchemaSetup schemas;
  @Inject TenantIdentityService identity;
  @Inject TenantDirectory directory;
  @Inject ThemeCatalog themes;
  @Inject PlatformSettings platform;

  /**
   * The outcome: the tenant and whether this call created it (false when an identical one existed).
   */
  public record Provisioned(Tenant tenant, List<String> hosts, boolean created) {}

  public Provisioned provision(ProvisionTenantCommand cmd) {
    String slug = TenantRules.slug(cmd.getSlug());
    String name = TenantRules.displayName(cmd.getDisplayName());
    String currency = TenantRules.currency(cmd.getCurrency());
    String locale = TenantRules.locale(cmd.getLocale());
    String zone = TenantRules.timeZone(cmd.getTimeZone());
    String theme = cmd.getTheme() == null || cmd.getTheme().isBlank() ? "base" : cmd.getTheme();
    if (!themes.exists(theme)) {
      throw ProblemException.invalid(
          "theme", "unknown theme " + theme + "; one of " + themes.ids());
    }
    Set<String> hostSet = new LinkedHashSet<>();
    hostSet.add(platform.defaultHostOf(slug));
    for (String d : cmd.getDomains() == null ? List.<String>of() : cmd.getDomains()) {
      String host = TenantRules.host("domains", d);
      if (host.equals(platform.platformHost())) {
        throw ProblemException.invalid("domains", "the platform host cannot be a tenant domain");
      }
      hostSet.add(host);
    }
    List<String> hosts = new ArrayList<>(hostSet);
    List<ProvisionTenantCommand.StaffSeat> staff =
        cmd.getStaff() == null ? List.of() : cmd.getStaff();
    for (ProvisionTenantCommand.StaffSeat seat : staff) {
      if (seat == null || seat.getEmail() == null || !seat.getEmail().contains("@")) {
        throw ProblemException.invalid("staff", "each staff entry needs a valid email");
      }
      StaffRole.parse("staff", seat.getRole());
    }

    Tenant existing = records.bySlug(slug).orElse(null);
    if (existing != null && existing.getStatus() != TenantStatus.PROVISIONING) {
      boolean same =
          existing.getDisplayName().equals(name)
              && existing.getCurrency().equals(currency)
              && existing.getLocale().equals(locale)
              && existing.getTimeZone().equals(zone)
              && new LinkedHashSet<>(records.hostsOf(existing.getId())).containsAll(hosts);
      if (!same) {
        throw ProblemException.conflict(
            "slug", "a different tenant with slug " + slug + " already exists");
      }
      return new Provisioned(existing, records.hostsOf(existing.getId()), false);
    }
    if (existing != null) {
      // A previous attempt died before finishing or cleaning up: start again from nothing.
      cleanUp(existing);
    }

    Tenant tenant =
        records.createPending(new Tenant(slug, name, currency, locale, zone, theme), hosts);
    try {
      schemas.create(tenant.schema(), theme);
      String orgId = identity.ensureTenant(slug, name, baseUrls(hosts));
      for (ProvisionTenantCommand.StaffSeat seat : staff) {
        identity.addExistingOrNewStaff(
            slug, orgId, seat.getEmail(), StaffRole.parse("staff", seat.getRole()));
      }
      Tenant active = records.activate(tenant.getId(), orgId);
      directory.evict(hosts);
      LOG.info(
          () ->
              "tenant="
                  + slug
                  + " provisioned with schema "
                  + active.schema()
                  + " and hosts "
                  + hosts);
      return new Provisioned(active, hosts, true);
    } catch (RuntimeException e) {
      LOG.warning(() -> "tenant=" + slug + " provisioning failed, cleaning up: " + e);
      cleanUp(tenant);
      throw e;
    }
  }

  /** Removes everything a provisioning attempt may have created; each step is idempotent. */
  private void cleanUp(Tenant tenant) {
    schemas.drop(tenant.schema());
    identity.deleteTenant(tenant.getSlug());
    records.purge(tenant.getId());
  }

  public Tenant suspend(String slug) {
    Tenant t = records.suspend(slug);
    directory.evict(records.hostsOf(t.getId()));
    return t;
  }

  public Tenant resume(String slug) {
    Tenant t = records.resume(slug);
    directory.evict(records.hostsOf(t.getId()));
    return t;
  }

  public List<String> addDomain(String slug, String rawHost) {
    Tenant t =
        records.bySlug(slug).orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
    String host = TenantRules.host("host", rawHost);
    if (host.equals(platform.platformHost())) {
      throw ProblemException.invalid("host", "the platform host cannot be a tenant domain");
    }
    records.addDomain(t.getId(), host);
    List<String> hosts = records.hostsOf(t.getId());
    identity.updateTenantUrls(slug, baseUrls(hosts));
    directory.evict(hosts);
    return hosts;
  }

  public List<String> removeDomain(String slug, String rawHost) {
    Tenant t =
        records.bySlug(slug).orElseThrow(() -> ProblemException.notFound("no tenant " + slug));
    String host = TenantRules.host("host", rawHost);
    records.removeDomain(t.getId(), host);
    directory.evict(List.of(host));
    List<String> hosts = records.hostsOf(t.getId());
    identity.updateTenantUrls(slug, baseUrls(hosts));
    directory.evict(hosts);
    return hosts;
  }

  private List<String> baseUrls(List<String> hosts) {
    return hosts.stream().map(platform::baseUrl).toList();
  }
}

/**
 * Persistence of tenants (JPA, Flyway, per-tenant entity managers). Implements tenancy.domain
 * interfaces.
 */
package io.marquee.tenancy.infrastructure;

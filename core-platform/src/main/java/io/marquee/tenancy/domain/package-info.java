/**
 * Tenants, their domains, branding and audit trail. Entities and repository interfaces only:
 * nothing here depends on infrastructure or web code.
 */
package io.marquee.tenancy.domain;

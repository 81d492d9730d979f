/**
 * Tenancy use cases: provisioning, suspension, domains, branding, tenant resolution and the
 * request's tenant context. Owns transactions; talks to identity only through its application
 * services.
 */
package io.marquee.tenancy.application;

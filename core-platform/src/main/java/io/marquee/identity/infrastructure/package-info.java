/** Keycloak (token verification, Admin REST API) and JPA persistence of API keys. */
package io.marquee.identity.infrastructure;

/**
 * Identity use cases: tenant organizations and login clients in Keycloak, the team, API keys and
 * the request's authenticated caller. Talks to Keycloak only through identity.infrastructure.
 */
package io.marquee.identity.application;

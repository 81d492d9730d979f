/**
 * Faces beans of the tenant console, the operator console and the branded home page. They call
 * application services only, never an EntityManager or Keycloak directly.
 */
package io.marquee.console.web;

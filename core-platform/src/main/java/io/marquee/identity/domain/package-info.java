/**
 * Who may do what: staff roles and permissions, signed-in principals, integrators' API keys. No
 * infrastructure.
 */
package io.marquee.identity.domain;

/**
 * HTTP adapters of identity: API authentication, console sign-in (OIDC code flow), team and API key
 * resources.
 */
package io.marquee.identity.web;

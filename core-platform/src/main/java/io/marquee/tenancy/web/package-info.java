/**
 * HTTP adapters of tenancy: tenant resolution filter, operator and console REST resources, brand
 * assets.
 */
package io.marquee.tenancy.web;

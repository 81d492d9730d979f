/**
 * What tenants pay the platform: plugin subscriptions prorated by day, metered usage, monthly
 * invoices posted to the platform's own ledger. Amounts are minor units of the billing currency.
 */
package io.marquee.billing;

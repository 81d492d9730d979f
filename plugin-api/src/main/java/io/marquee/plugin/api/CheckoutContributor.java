package io.marquee.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Takes part in a checkout, for tenants that enabled the plugin (dynamic pricing, happy hours,
 * member prices). Since 0.2.0.
 *
 * <p><b>Prior hook</b> ({@link #beforeHold}): called on the request thread after the order was
 * validated and before any ticket is held or priced, with a short time limit (300 ms by default).
 * <b>Result</b>: new unit prices for some of the draft's ticket types; the platform then applies
 * promo codes, booking fees and tax to those prices as usual, and the buyer pays them. Plugins run
 * in the order of their ids, each seeing the prices the previous ones set. An adjustment for a type
 * not in the draft, for a free or donation ticket, or below zero is ignored. <b>If it throws or
 * times out</b>: its adjustments are ignored, the checkout goes on at the prices before it, and the
 * failure is counted; a plugin never fails a checkout.
 *
 * <p><b>After hook</b>: the {@code order.placed} domain event ({@link DomainEventListener}), which
 * arrives after the order and its hold committed.
 */
public interface CheckoutContributor extends ExtensionPoint {
  List<PriceAdjustment> beforeHold(CheckoutDraft draft, PluginContext context) throws Exception;

  /** An order about to be placed: its event and, per ticket type, quantity and unit price. */
  record CheckoutDraft(String eventId, String currency, List<Line> lines) {
    public CheckoutDraft {
      lines = List.copyOf(lines);
    }

    /** {@code kind} is paid, free, complimentary or donation. */
    public record Line(
        String ticketTypeId,
        String ticketTypeName,
        String kind,
        int quantity,
        long unitPriceMinor) {}
  }

  /** A new unit price (minor units, the draft's currency) for one ticket type, with its reason. */
  record PriceAdjustment(String ticketTypeId, long unitPriceMinor, String reason) {}
}

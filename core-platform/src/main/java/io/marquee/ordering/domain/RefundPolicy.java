package io.marquee.ordering.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An event's refund policy: windows by days before the event, each with the share refunded, a fixed
 * fee kept per ticket, and whether transfer or exchange is allowed. The window with the largest
 * {@code minDaysBefore} not exceeding the days left applies; none means no refund. A window may
 * require staff approval of refunds that attendees ask for themselves.
 */
public record RefundPolicy(List<Window> windows) {
  public record Window(
      int minDaysBefore,
      int refundPercent,
      long feeMinor,
      boolean transferAllowed,
      boolean exchangeAllowed,
      boolean approvalRequired) {
    public Window(
        int minDaysBefore,
        int refundPercent,
        long feeMinor,
        boolean transferAllowed,
        boolean exchangeAllowed) {
      this(minDaysBefore, refundPercent, feeMinor, transferAllowed, exchangeAllowed, false);
    }

    public Window {
      if (minDaysBefore < 0) {
        throw new IllegalArgumentException("minDaysBefore must not be negative");
      }
      if (refundPercent < 0 || refundPercent > 100) {
        throw new IllegalArgumentException("refundPercent must be between 0 and 100");
      }
      if (feeMinor < 0) {
        throw new IllegalArgumentException("feeMinor must not be negative");
      }
    }
  }

  public RefundPolicy {
    windows = List.copyOf(windows);
  }

  public Optional<Window> windowFor(long daysBefore) {
    return windows.stream()
        .filter(w -> w.minDaysBefore() <= daysBefore)
        .max(Comparator.comparingInt(Window::minDaysBefore));
  }

  /** What a customer gets back for a ticket of {@code amount} minor units, {@code daysBefore}. */
  public long refundableFor(long amount, long daysBefore) {
    return windowFor(daysBefore)
        .map(w -> Math.max(0, amount * w.refundPercent() / 100 - w.feeMinor()))
        .orElse(0L);
  }
}

package io.marquee.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.marquee.catalog.domain.EventStatus;
import io.marquee.ordering.domain.OrderStatus;
import io.marquee.ordering.domain.RefundPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
  @Test
  void orderStateMachine() {
    assertTrue(OrderStatus.PENDING.canBecome(OrderStatus.PAID));
    assertTrue(OrderStatus.PENDING.canBecome(OrderStatus.EXPIRED));
    assertTrue(OrderStatus.PENDING.canBecome(OrderStatus.CANCELLED));
    assertFalse(OrderStatus.PENDING.canBecome(OrderStatus.REFUNDED));
    assertTrue(OrderStatus.PAID.canBecome(OrderStatus.PARTIALLY_REFUNDED));
    assertTrue(OrderStatus.PARTIALLY_REFUNDED.canBecome(OrderStatus.REFUNDED));
    for (OrderStatus end :
        List.of(OrderStatus.REFUNDED, OrderStatus.EXPIRED, OrderStatus.CANCELLED)) {
      for (OrderStatus any : OrderStatus.values()) {
        assertFalse(end.canBecome(any), end + " is final");
      }
    }
    assertFalse(OrderStatus.EXPIRED.canBecome(OrderStatus.PAID), "a lapsed hold is never paid");
    assertTrue(OrderStatus.PENDING.holdsCapacity());
    assertFalse(OrderStatus.EXPIRED.holdsCapacity());
  }

  @Test
  void eventStateMachine() {
    assertTrue(EventStatus.DRAFT.canBecome(EventStatus.PUBLISHED));
    assertTrue(EventStatus.PUBLISHED.canBecome(EventStatus.CANCELLED));
    assertTrue(EventStatus.PUBLISHED.canBecome(EventStatus.COMPLETED));
    assertFalse(EventStatus.DRAFT.canBecome(EventStatus.COMPLETED));
    assertFalse(EventStatus.CANCELLED.canBecome(EventStatus.PUBLISHED));
    assertFalse(EventStatus.COMPLETED.canBecome(EventStatus.CANCELLED));
  }

  @Test
  void refundPolicyPicksTheWindowForTheDaysLeft() {
    RefundPolicy p =
        new RefundPolicy(
            List.of(
                new RefundPolicy.Window(30, 100, 0, true, true),
                new RefundPolicy.Window(7, 50, 200, true, false),
                new RefundPolicy.Window(0, 0, 0, false, false)));
    assertEquals(5000, p.refundableFor(5000, 45));
    assertEquals(2300, p.refundableFor(5000, 10)); // half, minus a 2.00 fee
    assertEquals(0, p.refundableFor(5000, 2));
    assertFalse(p.windowFor(2).orElseThrow().transferAllowed());
    assertEquals(0, new RefundPolicy(List.of()).refundableFor(5000, 100), "no policy, no refund");
    assertThrows(
        IllegalArgumentException.class, () -> new RefundPolicy.Window(1, 101, 0, true, true));
  }
}

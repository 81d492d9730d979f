package io.marquee.ordering.application.payment;

import io.marquee.catalog.domain.Event;
import io.marquee.ordering.domain.Order;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Pay at the counter: the buyer gets a short code and the tickets stay reserved for the event's
 * 12–24 hours; door staff confirm cash or card against the code, which issues the tickets. Refunds
 * are cash handed back.
 */
@ApplicationScoped
public class CounterProvider implements PaymentProvider {
  // No 0/O, 1/I/L: codes are read aloud and typed by hand.
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public String id() {
    return "counter";
  }

  @Override
  public Start start(
      TenantSnapshot tenant, Event event, Order order, UUID attemptId, String returnUrl) {
    Instant until = Instant.now().plus(event.counterHoldHours(), ChronoUnit.HOURS);
    if (until.isAfter(event.startsAt())) {
      until = event.startsAt(); // a reservation never outlives the start of the event
    }
    return new Start(null, newCode(), until);
  }

  @Override
  public String refund(TenantSnapshot tenant, Order order, long amountMinor) {
    return "cash-out";
  }

  static String newCode() {
    char[] c = new char[8];
    for (int i = 0; i < c.length; i++) {
      c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(c);
  }
}

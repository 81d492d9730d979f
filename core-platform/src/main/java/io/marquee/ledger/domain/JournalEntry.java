package io.marquee.ledger.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A balanced journal entry. Zero-amount lines are dropped, so a free order posts nothing; an entry
 * whose debits and credits differ cannot be built.
 */
public record JournalEntry(
    String kind,
    UUID orderId,
    UUID eventId,
    String currency,
    String memo,
    List<JournalLine> lines) {
  public JournalEntry {
    lines = List.copyOf(lines);
    long balance = 0;
    for (JournalLine l : lines) {
      balance += l.debit() - l.credit();
    }
    if (balance != 0) {
      throw new IllegalStateException("unbalanced journal entry (" + kind + "): " + balance);
    }
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  public long totalDebits() {
    return lines.stream().mapToLong(JournalLine::debit).sum();
  }

  /** Builds an entry from signed amounts: positive = debit, negative = credit, zero = skipped. */
  public static final class Builder {
    private final String kind;
    private final UUID orderId;
    private final UUID eventId;
    private final String currency;
    private final String memo;
    private final List<JournalLine> lines = new ArrayList<>();

    public Builder(String kind, UUID orderId, UUID eventId, String currency, String memo) {
      this.kind = kind;
      this.orderId = orderId;
      this.eventId = eventId;
      this.currency = currency;
      this.memo = memo;
    }

    public Builder debit(Account a, long amount) {
      if (amount > 0) {
        lines.add(JournalLine.debit(a, amount));
      } else if (amount < 0) {
        lines.add(JournalLine.credit(a, -amount));
      }
      return this;
    }

    public Builder credit(Account a, long amount) {
      return debit(a, -amount);
    }

    public JournalEntry build() {
      return new JournalEntry(kind, orderId, eventId, currency, memo, lines);
    }
  }
}

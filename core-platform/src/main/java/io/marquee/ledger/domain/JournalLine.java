package io.marquee.ledger.domain;

/** One side of a posting: exactly one of debit and credit is non-zero. */
public record JournalLine(Account account, long debit, long credit) {
  public JournalLine {
    if (debit < 0 || credit < 0 || (debit == 0) == (credit == 0)) {
      throw new IllegalArgumentException("a line is a positive debit or a positive credit");
    }
  }

  public static JournalLine debit(Account a, long amount) {
    return new JournalLine(a, amount, 0);
  }

  public static JournalLine credit(Account a, long amount) {
    return new JournalLine(a, 0, amount);
  }
}

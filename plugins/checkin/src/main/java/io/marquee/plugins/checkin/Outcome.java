package io.marquee.plugins.checkin;

/** What the door is told about a scan; each has its own colour and sound in the app. */
public enum Outcome {
  /** Let in (first entry, or re-entry where the event allows it). */
  ADMITTED,
  /** Left (an exit scan of a ticket that was inside). */
  EXITED,
  /** Used before: shown with when and at which gate. */
  ALREADY_USED,
  /** An exit scan of a ticket that is not inside. */
  NOT_INSIDE,
  /** Not a ticket code of this organiser: garbage, forged, expired or not yet valid. */
  INVALID,
  /** A genuine ticket, for another event. */
  WRONG_EVENT,
  /** Refunded, voided, or replaced by a transfer. */
  VOIDED,
  /** A counter reservation that has not been paid. */
  UNPAID,
  /** An offline scan uploaded after an earlier scan of the same ticket: recorded, flagged. */
  DUPLICATE
}

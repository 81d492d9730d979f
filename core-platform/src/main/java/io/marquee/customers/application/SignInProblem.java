package io.marquee.customers.application;

import io.marquee.common.problem.ProblemException;

/** A refused sign-in step, with a reason the storefront can say in the tenant's language. */
public class SignInProblem extends ProblemException {
  private static final long serialVersionUID = 1L;

  /** Why the step was refused. */
  public enum Reason {
    BAD_EMAIL,
    RATE_LIMITED,
    SEND_FAILED,
    EXPIRED,
    TOO_MANY_TRIES,
    WRONG
  }

  private final Reason reason;

  public SignInProblem(Reason reason, int status, String field, String detail) {
    super(status, status == 429 ? "Too many requests" : "Invalid input", detail, field);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

package io.marquee.customers.application;

import io.marquee.common.infrastructure.RateLimiter;
import io.marquee.common.persistence.Sql;
import io.marquee.common.persistence.TenantSql;
import io.marquee.customers.domain.Customer;
import io.marquee.customers.domain.SignInCodes;
import io.marquee.notifications.application.MailComposer;
import io.marquee.notifications.application.NotificationChannel;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Passwordless sign-in for attendees of one tenant: an emailed six-digit code, valid 10 minutes, at
 * most 5 tries per code. Requests and failures are rate limited per address (IP) and per account
 * across all nodes, so codes cannot be guessed or the inbox flooded.
 */
@ApplicationScoped
public class SignInService {
  private static final Logger LOG = Logger.getLogger(SignInService.class.getName());
  public static final int CODE_MINUTES = 10;
  static final int TRIES_PER_CODE = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final int CODES_PER_ACCOUNT = 5;
  static final int CODES_PER_ADDRESS = 20;
  static final int FAILURES_PER_ACCOUNT = 10;
  static final int FAILURES_PER_ADDRESS = 20;

  @Inject Sql sql;
  @Inject RateLimiter limiter;
  @Inject MailComposer composer;
  @Inject NotificationChannel channel;

  public static String normalise(String email) {
    if (email == null
        || !email.strip().matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}")
        || email.strip().length() > 254) {
      throw new SignInProblem(
          SignInProblem.Reason.BAD_EMAIL, 400, "email", "a valid email address, please");
    }
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** Creates a code and mails it. Refused (429) past the rate limits. */
  public void requestCode(TenantSnapshot t, String rawEmail, String address) {
    String email = normalise(rawEmail);
    if (!limiter.tryAcquire("code-ip:" + address, CODES_PER_ADDRESS, WINDOW)
        || !limiter.tryAcquire("code-acct:" + t.slug() + ":" + email, CODES_PER_ACCOUNT, WINDOW)) {
      throw new SignInProblem(
          SignInProblem.Reason.RATE_LIMITED,
          429,
          "email",
          "too many codes requested; try again in 15 minutes");
    }
    String code = SignInCodes.newCode();
    UUID id = UUID.randomUUID();
    store(t, id, email, code);
    try {
      channel.send(composer.signInCode(t, email, code, CODE_MINUTES));
    } catch (NotificationChannel.DeliveryFailure e) {
      LOG.warning(() -> "sign-in code mail for tenant " + t.slug() + " failed: " + e);
      throw new SignInProblem(
          SignInProblem.Reason.SEND_FAILED,
          503,
          "email",
          "the code could not be sent right now; try again");
    }
  }

  private void store(TenantSnapshot t, UUID id, String email, String code) {
    sql.in(t.schema())
        .update(
            "INSERT INTO {t}.sign_in_code (id, email, code_hash, expires_at) VALUES (?, ?, ?, ?)",
            id,
            email,
            SignInCodes.hash(id, code),
            Instant.now().plus(Duration.ofMinutes(CODE_MINUTES)));
  }

  /**
   * Checks the newest live code of the account; a right code signs in (and creates the account).
   */
  @Transactional(dontRollbackOn = SignInProblem.class)
  public Customer verify(TenantSnapshot t, String rawEmail, String typed, String address) {
    String email = normalise(rawEmail);
    String acct = "fail-acct:" + t.slug() + ":" + email;
    String ip = "fail-ip:" + address;
    if (limiter.count(acct, WINDOW) >= FAILURES_PER_ACCOUNT
        || limiter.count(ip, WINDOW) >= FAILURES_PER_ADDRESS) {
      throw new SignInProblem(
          SignInProblem.Reason.RATE_LIMITED,
          429,
          "code",
          "too many wrong codes; try again in 15 minutes");
    }
    TenantSql tsql = sql.in(t.schema());
    record Live(UUID id, String hash, int attempts, Instant expires) {}
    Live live =
        tsql.one(
                "SELECT id, code_hash, attempts, expires_at FROM {t}.sign_in_code WHERE"
                    + " lower(email) = ? AND used_at IS NULL ORDER BY created_at DESC LIMIT 1 FOR"
                    + " UPDATE",
                rs ->
                    new Live(
                        TenantSql.uuid(rs, "id"),
                        rs.getString("code_hash"),
                        rs.getInt("attempts"),
                        TenantSql.instant(rs, "expires_at")),
                email)
            .orElse(null);
    if (live == null || !live.expires().isAfter(Instant.now())) {
      throw new SignInProblem(
          SignInProblem.Reason.EXPIRED, 400, "code", "this code has expired; ask for a new one");
    }
    if (live.attempts() >= TRIES_PER_CODE) {
      throw new SignInProblem(
          SignInProblem.Reason.TOO_MANY_TRIES,
          400,
          "code",
          "too many tries for this code; ask for a new one");
    }
    if (!SignInCodes.matches(live.id(), typed, live.hash())) {
      tsql.update("UPDATE {t}.sign_in_code SET attempts = attempts + 1 WHERE id = ?", live.id());
      limiter.hit(acct, WINDOW);
      limiter.hit(ip, WINDOW);
      throw new SignInProblem(
          SignInProblem.Reason.WRONG,
          400,
          "code",
          "that code is not right; check the mail and try again");
    }
    tsql.update("UPDATE {t}.sign_in_code SET used_at = now() WHERE id = ?", live.id());
    tsql.update(
        "INSERT INTO {t}.customer (id, email, last_sign_in_at) VALUES (?, ?, now()) ON CONFLICT"
            + " (lower(email)) DO UPDATE SET last_sign_in_at = now()",
        UUID.randomUUID(),
        email);
    return tsql.one(
            "SELECT id, email, name FROM {t}.customer WHERE lower(email) = ?",
            rs ->
                new Customer(TenantSql.uuid(rs, "id"), rs.getString("email"), rs.getString("name")),
            email)
        .orElseThrow();
  }
}

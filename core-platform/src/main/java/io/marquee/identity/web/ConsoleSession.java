package io.marquee.identity.web;

import io.marquee.identity.domain.StaffPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The signed-in person of a browser session, bound to the host that signed them in. */
public final class ConsoleSession {
  static final String PRINCIPAL = "marquee.principal";
  static final String HOST = "marquee.host";

  private ConsoleSession() {}

  public static Optional<StaffPrincipal> principal(HttpServletRequest req) {
    HttpSession session = req.getSession(false);
    if (session == null
        || !req.getServerName().equalsIgnoreCase((String) session.getAttribute(HOST))) {
      return Optional.empty();
    }
    return Optional.ofNullable((StaffPrincipal) session.getAttribute(PRINCIPAL));
  }

  static void signIn(HttpServletRequest req, StaffPrincipal principal) {
    HttpSession old = req.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = req.getSession(true); // new id on sign-in: no session fixation
    session.setAttribute(PRINCIPAL, principal);
    session.setAttribute(HOST, req.getServerName().toLowerCase());
  }
}

package io.marquee.identity.web;

import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.infrastructure.KeycloakSettings;
import io.marquee.identity.infrastructure.TokenVerifier;
import io.marquee.tenancy.application.TenantContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Console sign-in with Keycloak: the OpenID Connect authorization-code flow with PKCE. On a
 * tenant's domain it uses the tenant's own client {@code tenant-<slug>} (so Keycloak shows the
 * tenant's brand and only accepts its domains as redirect targets); on the platform host it uses
 * {@code marquee-operator}.
 */
@WebServlet(urlPatterns = {"/auth/login", "/auth/callback", "/auth/logout"})
public class SignInServlet extends HttpServlet {
  private static final Logger LOG = Logger.getLogger(SignInServlet.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String STATE = "marquee.oidc.state";
  private static final String VERIFIER = "marquee.oidc.verifier";
  private static final String NEXT = "marquee.oidc.next";

  @Inject KeycloakSettings keycloak;
  @Inject TokenVerifier tokens;
  @Inject TenantContext tenant;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    switch (req.getServletPath()) {
      case "/auth/login" -> login(req, res);
      case "/auth/callback" -> callback(req, res);
      default -> logout(req, res);
    }
  }

  private void login(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String state = random();
    String verifier = random();
    HttpSession session = req.getSession(true);
    session.setAttribute(STATE, state);
    session.setAttribute(VERIFIER, verifier);
    session.setAttribute(NEXT, safeNext(req.getParameter("next")));
    String url =
        keycloak.authUrl()
            + "?response_type=code&scope="
            + enc(scope())
            + "&client_id="
            + enc(clientId())
            + "&redirect_uri="
            + enc(callbackUrl(req))
            + "&state="
            + state
            + "&code_challenge="
            + challenge(verifier)
            + "&code_challenge_method=S256";
    res.sendRedirect(url);
  }

  private void callback(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(false);
    String code = req.getParameter("code");
    if (session == null
        || code == null
        || !String.valueOf(session.getAttribute(STATE)).equals(req.getParameter("state"))) {
      res.sendError(400, "Sign-in expired or was tampered with; please start again.");
      return;
    }
    String next = (String) session.getAttribute(NEXT);
    String form =
        "grant_type=authorization_code&code="
            + enc(code)
            + "&client_id="
            + enc(clientId())
            + "&redirect_uri="
            + enc(callbackUrl(req))
            + "&code_verifier="
            + enc((String) session.getAttribute(VERIFIER));
    try {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(URI.create(keycloak.tokenUrl()))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .timeout(Duration.ofSeconds(15))
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        LOG.warning(() -> "code exchange refused: HTTP " + reply.statusCode());
        res.sendError(401, "Sign-in was refused.");
        return;
      }
      JsonObject json = Json.createReader(new StringReader(reply.body())).readObject();
      StaffPrincipal principal = tokens.verify(json.getString("access_token"));
      boolean allowed =
          tenant
              .current()
              .map(t -> principal.roleIn(t.slug()) != null)
              .orElse(principal.operator());
      if (!allowed) {
        res.sendError(403, "This account has no access here.");
        return;
      }
      ConsoleSession.signIn(req, principal);
      res.sendRedirect(next);
    } catch (TokenVerifier.InvalidToken e) {
      LOG.warning(() -> "sign-in token rejected: " + e.getMessage());
      res.sendError(401, "Sign-in was refused.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      res.sendError(503);
    }
  }

  private void logout(HttpServletRequest req, HttpServletResponse res) throws IOException {
    HttpSession session = req.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    String home = base(req) + "/";
    res.sendRedirect(
        keycloak.logoutUrl()
            + "?client_id="
            + enc(clientId())
            + "&post_logout_redirect_uri="
            + enc(home));
  }

  private String clientId() {
    return tenant.current().map(t -> "tenant-" + t.slug()).orElse("marquee-operator");
  }

  /**
   * On a tenant's domain only that tenant's organization is asked for (Keycloak then never shows an
   * organization picker to people in several tenants); the operator needs none.
   */
  private String scope() {
    return tenant.current().map(t -> "openid organization:" + t.slug()).orElse("openid");
  }

  private String defaultNext() {
    return tenant.current().isPresent() ? "/console/" : "/operator/";
  }

  /** Only same-site absolute paths: no open redirects. */
  private String safeNext(String next) {
    return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
        ? next
        : defaultNext();
  }

  private static String base(HttpServletRequest req) {
    int port = req.getServerPort();
    boolean defaultPort =
        ("http".equals(req.getScheme()) && port == 80)
            || ("https".equals(req.getScheme()) && port == 443);
    return req.getScheme() + "://" + req.getServerName() + (defaultPort ? "" : ":" + port);
  }

  private static String callbackUrl(HttpServletRequest req) {
    return base(req) + "/auth/callback";
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

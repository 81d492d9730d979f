package io.marquee.identity.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.common.web.Problems;
import io.marquee.identity.application.ApiKeyService;
import io.marquee.identity.application.Caller;
import io.marquee.identity.domain.ApiKey;
import io.marquee.identity.domain.StaffPrincipal;
import io.marquee.identity.domain.StaffRole;
import io.marquee.identity.infrastructure.TokenVerifier;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Authenticates API calls. A bearer token must be a valid Keycloak access token; on a tenant's
 * domain it counts only with membership of that tenant's organization (otherwise 403). An API key
 * ({@code X-Api-Key} or {@code Authorization: ApiKey ...}) counts only on its own tenant's domain
 * (otherwise 401). Resources then check permissions on the {@link Caller}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthenticationFilter implements ContainerRequestFilter {
  @Inject TokenVerifier tokens;
  @Inject ApiKeyService apiKeys;
  @Inject TenantContext tenantContext;
  @Inject Caller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    try {
      authenticate(request);
    } catch (ProblemException e) {
      request.abortWith(Problems.response(e));
    }
  }

  private void authenticate(ContainerRequestContext request) {
    String authorization = request.getHeaderString("Authorization");
    String apiKey = request.getHeaderString("X-Api-Key");
    if (authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
      apiKey = authorization.substring(7).strip();
      authorization = null;
    }
    Optional<TenantSnapshot> tenant = tenantContext.current();
    if (apiKey != null) {
      if (tenant.isEmpty()) {
        throw ProblemException.unauthorized("API keys are valid only on their tenant's domain");
      }
      ApiKey key = apiKeys.verify(tenant.get().id(), apiKey);
      caller.asApiKey(key.getName(), key.getScope());
      return;
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      StaffPrincipal principal;
      try {
        principal = tokens.verify(authorization.substring(7).strip());
      } catch (TokenVerifier.InvalidToken e) {
        throw ProblemException.unauthorized("invalid or expired access token");
      }
      if (tenant.isEmpty()) {
        caller.asStaff(principal, null);
        return;
      }
      StaffRole role = principal.roleIn(tenant.get().slug());
      if (role == null) {
        throw ProblemException.forbidden(
            "this account is not a member of " + tenant.get().displayName());
      }
      caller.asStaff(principal, role);
    }
  }
}

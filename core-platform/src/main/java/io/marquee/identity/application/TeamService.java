package io.marquee.identity.application;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.domain.StaffRole;
import io.marquee.identity.infrastructure.KeycloakTenants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The staff of a tenant: members of its Keycloak organization, each with one role group. */
@ApplicationScoped
public class TeamService {
  @Inject KeycloakTenants keycloak;
  @Inject TenantIdentityService identity;

  /** One row of the team list. */
  public static class Member {
    private final String id;
    private final String email;
    private final String name;
    private final String role;

    public Member(String id, String email, String name, String role) {
      this.id = id;
      this.email = email;
      this.name = name;
      this.role = role;
    }

    public String getId() {
      return id;
    }

    public String getEmail() {
      return email;
    }

    public String getName() {
      return name;
    }

    public String getRole() {
      return role;
    }
  }

  /** Result of an invitation: the member, and a temporary password when a new account was made. */
  public record Invitation(Member member, Optional<String> temporaryPassword) {}

  public List<Member> list(String slug, String orgId) {
    Map<String, String> roleOf = new HashMap<>();
    for (StaffRole r : StaffRole.values()) {
      keycloak
          .findGroupByPath("tenants/" + slug + "/" + r.groupName())
          .ifPresent(
              g -> keycloak.groupMemberIds(g).forEach(u -> roleOf.putIfAbsent(u, r.groupName())));
    }
    List<Member> members = new ArrayList<>();
    for (JsonObject u : keycloak.members(orgId)) {
      String id = u.getString("id");
      String first = u.getString("firstName", "");
      String last = u.getString("lastName", "");
      String name = (first + " " + ("-".equals(last) ? "" : last)).strip();
      members.add(
          new Member(
              id,
              u.getString("email", u.getString("username", "")),
              name,
              roleOf.getOrDefault(id, "none")));
    }
    members.sort((a, b) -> a.getEmail().compareToIgnoreCase(b.getEmail()));
    return members;
  }

  public Invitation invite(String slug, String orgId, String email, String role) {
    if (email == null
        || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
        || email.length() > 254) {
      throw ProblemException.invalid("email", "a valid email address is required");
    }
    StaffRole parsed = StaffRole.parse("role", role);
    Optional<String> temporary = identity.addExistingOrNewStaff(slug, orgId, email, parsed);
    Member m = find(slug, orgId, email.strip().toLowerCase(java.util.Locale.ROOT));
    return new Invitation(m, temporary);
  }

  public Member changeRole(String slug, String orgId, String userId, String role) {
    StaffRole parsed = StaffRole.parse("role", role);
    List<Member> team = list(slug, orgId);
    Member current = find(team, userId);
    if ("owner".equals(current.getRole()) && parsed != StaffRole.OWNER) {
      requireAnotherOwner(team, userId);
    }
    identity.setRole(slug, userId, parsed);
    return member(slug, orgId, userId);
  }

  public void remove(String slug, String orgId, String userId) {
    List<Member> team = list(slug, orgId);
    if ("owner".equals(find(team, userId).getRole())) {
      requireAnotherOwner(team, userId);
    }
    keycloak.removeMember(orgId, userId);
    for (StaffRole r : StaffRole.values()) {
      keycloak
          .findGroupByPath("tenants/" + slug + "/" + r.groupName())
          .ifPresent(g -> keycloak.leaveGroup(userId, g));
    }
  }

  private static void requireAnotherOwner(List<Member> team, String userId) {
    boolean another =
        team.stream().anyMatch(m -> "owner".equals(m.getRole()) && !m.getId().equals(userId));
    if (!another) {
      throw ProblemException.conflict("role", "a tenant must keep at least one owner");
    }
  }

  /** A member of this tenant; people outside the organization are not found. */
  public Member member(String slug, String orgId, String userId) {
    return find(list(slug, orgId), userId);
  }

  private static Member find(List<Member> team, String userId) {
    return team.stream()
        .filter(m -> m.getId().equals(userId))
        .findFirst()
        .orElseThrow(() -> ProblemException.notFound("no team member " + userId));
  }

  private Member find(String slug, String orgId, String email) {
    return list(slug, orgId).stream()
        .filter(m -> m.getEmail().equalsIgnoreCase(email))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("invited member not listed"));
  }
}

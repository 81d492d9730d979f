package io.marquee.console.web;

import io.marquee.common.problem.ProblemException;
import io.marquee.identity.application.Caller;
import io.marquee.identity.application.TeamService;
import io.marquee.identity.domain.Permission;
import io.marquee.tenancy.application.AuditTrail;
import io.marquee.tenancy.application.TenantContext;
import io.marquee.tenancy.application.TenantSnapshot;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Console › Team: list members, invite, change role, remove. */
@Named("console.team")
@ViewScoped
public class TeamBean implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TeamService team;
  @Inject transient Caller caller;
  @Inject transient TenantContext tenant;
  @Inject transient AuditTrail audit;

  private List<TeamService.Member> members;
  private String inviteEmail;
  private String inviteRole = "viewer";
  private String temporaryPassword;

  public List<TeamService.Member> getMembers() {
    if (members == null) {
      caller.require(Permission.VIEW_TEAM);
      TenantSnapshot t = tenant.require();
      members = team.list(t.slug(), t.organizationId());
    }
    return members;
  }

  public void invite() {
    try {
      caller.require(Permission.MANAGE_TEAM);
      TenantSnapshot t = tenant.require();
      var invitation = team.invite(t.slug(), t.organizationId(), inviteEmail, inviteRole);
      audit.record(
          caller.actor(),
          "team.invited",
          invitation.member().getEmail() + " as " + invitation.member().getRole());
      temporaryPassword = invitation.temporaryPassword().orElse(null);
      Messages.info(
          "Invited " + invitation.member().getEmail() + " as " + invitation.member().getRole());
      inviteEmail = null;
      members = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void changeRole(TeamService.Member member, String role) {
    try {
      caller.require(Permission.MANAGE_TEAM);
      TenantSnapshot t = tenant.require();
      var m = team.changeRole(t.slug(), t.organizationId(), member.getId(), role);
      audit.record(caller.actor(), "team.role", m.getEmail() + " is now " + m.getRole());
      Messages.info(m.getEmail() + " is now " + m.getRole());
      members = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public void remove(TeamService.Member member) {
    try {
      caller.require(Permission.MANAGE_TEAM);
      TenantSnapshot t = tenant.require();
      team.remove(t.slug(), t.organizationId(), member.getId());
      audit.record(caller.actor(), "team.removed", member.getEmail());
      Messages.info("Removed " + member.getEmail());
      members = null;
    } catch (ProblemException e) {
      Messages.error(e);
    }
  }

  public List<String> getRoles() {
    return List.of("owner", "manager", "finance", "door-staff", "viewer");
  }

  public String getInviteEmail() {
    return inviteEmail;
  }

  public void setInviteEmail(String inviteEmail) {
    this.inviteEmail = inviteEmail;
  }

  public String getInviteRole() {
    return inviteRole;
  }

  public void setInviteRole(String inviteRole) {
    this.inviteRole = inviteRole;
  }

  public String getTemporaryPassword() {
    return temporaryPassword;
  }
}

package dev.greenlight.server.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.identity.Principal;
import dev.greenlight.server.identity.Principals;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.CurrentCaller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Page;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * Who holds which roles: per project ({@code /projects/{p}/members}) and workspace-wide
 * ({@code /workspace/members}). Setting a member's roles replaces them; an empty list removes the member.
 */
@RestController
class MemberController {
    private final RoleGrants grants;
    private final Principals principals;
    private final ProjectCatalog projects;

    MemberController(RoleGrants grants, Principals principals, ProjectCatalog projects) {
        this.grants = grants;
        this.principals = principals;
        this.projects = projects;
    }

    @GetMapping("/api/v1/projects/{project}/members")
    @RequiresPermission(Permission.PROJECT_READ)
    Page<MemberView> projectMembers(@PathVariable String project) {
        Caller caller = CurrentCaller.require();
        return members(grants.members(caller.workspaceId(), projects.require(caller.workspaceId(), project).id()));
    }

    @PutMapping("/api/v1/projects/{project}/members/{principal}")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    @Transactional
    MemberView setProjectRoles(@PathVariable String project, @PathVariable String principal, @Valid @RequestBody SetRoles request) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        Set<Role> roles = parse(request.roles());
        if (roles.contains(Role.WORKSPACE_ADMIN)) {
            throw GreenlightException.badRequest("'workspace-admin' can only be granted workspace-wide, at /api/v1/workspace/members.");
        }
        Principal member = member(caller, principal);
        grants.replace(Actor.of(caller), member, found, roles);
        return new MemberView(member.name(), member.kind().wireName(), sortedNames(roles));
    }

    @DeleteMapping("/api/v1/projects/{project}/members/{principal}")
    @RequiresPermission(Permission.MEMBERS_MANAGE)
    @Transactional
    ResponseEntity<Void> removeFromProject(@PathVariable String project, @PathVariable String principal) {
        Caller caller = CurrentCaller.require();
        Project found = projects.require(caller.workspaceId(), project);
        grants.replace(Actor.of(caller), member(caller, principal), found, Set.of());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/workspace/members")
    @RequiresPermission(Permission.WORKSPACE_READ)
    Page<MemberView> workspaceMembers() {
        return members(grants.members(CurrentCaller.require().workspaceId(), null));
    }

    @PutMapping("/api/v1/workspace/members/{principal}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    MemberView setWorkspaceRoles(@PathVariable String principal, @Valid @RequestBody SetRoles request) {
        Caller caller = CurrentCaller.require();
        Set<Role> roles = parse(request.roles());
        Principal member = member(caller, principal);
        refuseSelfDemotion(caller, member, roles);
        grants.replace(Actor.of(caller), member, null, roles);
        return new MemberView(member.name(), member.kind().wireName(), sortedNames(roles));
    }

    @DeleteMapping("/api/v1/workspace/members/{principal}")
    @RequiresPermission(Permission.WORKSPACE_ADMIN)
    @Transactional
    ResponseEntity<Void> removeFromWorkspace(@PathVariable String principal) {
        Caller caller = CurrentCaller.require();
        Principal member = member(caller, principal);
        refuseSelfDemotion(caller, member, Set.of());
        grants.replace(Actor.of(caller), member, null, Set.of());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me/roles")
    @RequiresPermission(Permission.SELF)
    Map<String, Object> myRoles() {
        Caller caller = CurrentCaller.require();
        List<String> workspaceWide = new ArrayList<>();
        Map<UUID, List<String>> perProject = new LinkedHashMap<>();
        for (RoleGrants.Grant grant : grants.of(caller.workspaceId(), caller.principalId())) {
            if (grant.projectId() == null) {
                workspaceWide.add(grant.role().wireName());
            } else {
                perProject.computeIfAbsent(grant.projectId(), id -> new ArrayList<>()).add(grant.role().wireName());
            }
        }
        Map<String, List<String>> projectRoles = new LinkedHashMap<>();
        perProject.forEach((id, roles) -> projectRoles.put(id.toString(), roles.stream().sorted().toList()));
        return Map.of("workspace", workspaceWide.stream().sorted().toList(), "projects", projectRoles);
    }

    /** Keeps a workspace from losing its last way in through an administrator removing their own role. */
    private static void refuseSelfDemotion(Caller caller, Principal member, Set<Role> roles) {
        if (member.id().equals(caller.principalId()) && !roles.contains(Role.WORKSPACE_ADMIN)) {
            throw GreenlightException.conflict("You cannot remove your own workspace-admin role; ask another administrator.");
        }
    }

    private Principal member(Caller caller, String name) {
        Principal member = principals.findByName(caller.workspaceId(), name)
                .orElseThrow(() -> GreenlightException.notFound("No user or service account named '" + name + "'."));
        if (member.isDisabled()) {
            throw GreenlightException.conflict("'" + name + "' is disabled.");
        }
        return member;
    }

    private static Set<Role> parse(List<String> names) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : names) {
            roles.add(Role.fromWireName(name).orElseThrow(() -> GreenlightException.badRequest(
                    "Unknown role '" + name + "'. Roles: viewer, developer, release-captain, security, admin, workspace-admin.")));
        }
        return roles;
    }

    private static List<String> sortedNames(Set<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().toList();
    }

    /** Members of one level are few (people and bots of a team): one page holds them all. */
    private static Page<MemberView> members(List<RoleGrants.Member> members) {
        return new Page<>(members.stream().map(member -> new MemberView(member.name(), member.kind(), member.roles())).toList(), null);
    }

    record SetRoles(@NotNull @Size(max = 10) List<@NotNull String> roles) {
    }

    record MemberView(String principal, String kind, List<String> roles) {
    }
}

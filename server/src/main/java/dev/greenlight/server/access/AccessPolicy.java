package dev.greenlight.server.access;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.platform.ProjectVisibility;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;

/**
 * Decides whether a caller holds a permission. A project the caller cannot read is reported as not found, the same
 * as one that does not exist, so project names do not leak across teams or workspaces.
 */
@Service
class AccessPolicy implements ProjectVisibility, ProjectAccess {
    private final RoleGrants grants;
    private final ProjectCatalog projects;

    AccessPolicy(RoleGrants grants, ProjectCatalog projects) {
        this.grants = grants;
        this.projects = projects;
    }

    /** Throws unless the caller holds the permission; {@code projectSlug} is needed for project permissions. */
    void check(Caller caller, Permission permission, @Nullable String projectSlug) {
        switch (permission.scope()) {
            case SIGNED_IN -> requireScope(caller, permission);
            case INSTANCE -> {
                requireScope(caller, permission);
                if (!caller.instanceAdmin()) {
                    throw denied(permission);
                }
            }
            case WORKSPACE -> {
                requireScope(caller, permission);
                if (workspaceWide(grants.of(caller.workspaceId(), caller.principalId())).stream().noneMatch(role -> role.grants(permission))) {
                    throw denied(permission);
                }
            }
            case PROJECT -> checkProject(caller, permission, projectSlug);
        }
    }

    @Override
    public void require(Caller caller, Permission permission, String projectSlug) {
        check(caller, permission, java.util.Objects.requireNonNull(projectSlug, "projectSlug is null"));
    }

    @Override
    public void requireOnSomeProject(Caller caller, Permission permission) {
        requireScope(caller, permission);
        List<RoleGrants.Grant> held = grants.of(caller.workspaceId(), caller.principalId());
        if (held.stream().noneMatch(grant -> grant.role().grants(permission))) {
            throw denied(permission);
        }
    }

    private void checkProject(Caller caller, Permission permission, @Nullable String projectSlug) {
        if (projectSlug == null) {
            // A list across projects: the handler filters by visibility; only the credential's scope matters here.
            requireScope(caller, permission);
            return;
        }
        Project project = projects.find(caller.workspaceId(), projectSlug).orElseThrow(() -> ProjectCatalog.notFound(projectSlug));
        Set<Role> roles = rolesOn(grants.of(caller.workspaceId(), caller.principalId()), project.id());
        if (roles.stream().noneMatch(role -> role.grants(Permission.PROJECT_READ))) {
            throw ProjectCatalog.notFound(projectSlug);
        }
        requireScope(caller, permission);
        if (roles.stream().noneMatch(role -> role.grants(permission))) {
            throw denied(permission);
        }
    }

    @Override
    public VisibleProjects visibleTo(Caller caller) {
        List<RoleGrants.Grant> held = grants.of(caller.workspaceId(), caller.principalId());
        if (workspaceWide(held).stream().anyMatch(role -> role.grants(Permission.PROJECT_READ))) {
            return new VisibleProjects(true, Set.of());
        }
        Set<UUID> ids = new HashSet<>();
        held.stream().filter(grant -> grant.projectId() != null && grant.role().grants(Permission.PROJECT_READ))
                .forEach(grant -> ids.add(grant.projectId()));
        return new VisibleProjects(false, ids);
    }

    private static Set<Role> workspaceWide(List<RoleGrants.Grant> held) {
        Set<Role> roles = new HashSet<>();
        held.stream().filter(grant -> grant.projectId() == null).forEach(grant -> roles.add(grant.role()));
        return roles;
    }

    private static Set<Role> rolesOn(List<RoleGrants.Grant> held, UUID projectId) {
        Set<Role> roles = new HashSet<>();
        held.stream().filter(grant -> grant.projectId() == null || grant.projectId().equals(projectId))
                .forEach(grant -> roles.add(grant.role()));
        return roles;
    }

    private static void requireScope(Caller caller, Permission permission) {
        if (!caller.credentialAllows(permission)) {
            throw GreenlightException.forbidden("This credential lacks the scope '" + permission.scopeName() + "'.");
        }
    }

    private static GreenlightException denied(Permission permission) {
        return GreenlightException.forbidden("You need the permission '" + permission.scopeName() + "' for this.");
    }
}

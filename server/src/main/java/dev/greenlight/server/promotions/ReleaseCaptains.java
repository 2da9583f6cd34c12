package dev.greenlight.server.promotions;

import org.springframework.stereotype.Component;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;
import dev.greenlight.server.projects.Project;

/**
 * Overriding a freeze and rolling back need the permission and the role {@code release-captain} on the project: a
 * workspace administrator holds every permission but is not thereby a release captain, as with deciding waivers.
 */
@Component
class ReleaseCaptains {
    private final ProjectAccess access;
    private final RoleGrants grants;

    ReleaseCaptains(ProjectAccess access, RoleGrants grants) {
        this.access = access;
        this.grants = grants;
    }

    void require(Caller caller, Project project, Permission permission, String what) {
        access.require(caller, permission, project.slug());
        if (!grants.rolesOn(caller.workspaceId(), caller.principalId(), project.id()).contains(Role.RELEASE_CAPTAIN)) {
            throw GreenlightException.forbidden("Only a release captain of project '" + project.slug() + "' may " + what
                    + " (role 'release-captain').");
        }
    }
}

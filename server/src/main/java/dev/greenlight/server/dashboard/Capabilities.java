package dev.greenlight.server.dashboard;

import java.util.List;
import java.util.Set;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.Permission;

/**
 * Which forms the release page offers the caller. Only a convenience: each form's handler declares its permission and
 * the services check the full rules (separation of duties, the approver's role) again.
 *
 * @param approveRoles the caller's roles on the project that may approve a release, to approve as
 */
record Capabilities(boolean requestWaiver, boolean approveWaiver, boolean recordDecision, List<String> approveRoles) {
    /** Deciding a waiver takes the role, not only the permission (see the waivers feature). */
    private static final Set<Role> WAIVER_DECIDERS = Set.of(Role.SECURITY, Role.RELEASE_CAPTAIN);

    static Capabilities of(Caller caller, Set<Role> roles) {
        return new Capabilities(
                holds(caller, roles, Permission.WAIVERS_REQUEST),
                caller.credentialAllows(Permission.WAIVERS_APPROVE) && roles.stream().anyMatch(WAIVER_DECIDERS::contains),
                holds(caller, roles, Permission.DECISIONS_RECORD),
                caller.credentialAllows(Permission.RELEASES_APPROVE)
                        ? roles.stream().filter(role -> role.grants(Permission.RELEASES_APPROVE)).map(Role::wireName).sorted().toList()
                        : List.of());
    }

    public boolean approve() {
        return !approveRoles.isEmpty();
    }

    private static boolean holds(Caller caller, Set<Role> roles, Permission permission) {
        return caller.credentialAllows(permission) && roles.stream().anyMatch(role -> role.grants(permission));
    }
}

package dev.greenlight.server.dashboard;

import java.util.List;
import java.util.Set;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.approvals.ReleaseApprovals;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.waivers.ReleaseWaivers;

/**
 * Which forms the release page offers the caller. Only a convenience: each form's handler declares its permission and
 * the services check the full rules (separation of duties, the approver's role, who may revoke) again.
 *
 * @param approveWaiver whether the caller may approve and reject waivers (the role, not only the permission)
 * @param approveRoles the caller's roles on the project that may approve a release, to approve as
 * @param revokeAnyWaiver whether the caller may revoke others' waivers too (a security lead or release captain)
 * @param principalId the caller's principal id, to offer revoking their own waivers and withdrawing their own approvals
 */
record Capabilities(boolean requestWaiver, boolean approveWaiver, boolean recordDecision, List<String> approveRoles,
        boolean revokeAnyWaiver, String principalId) {
    /** Deciding a waiver takes the role, not only the permission (see the waivers feature). */
    private static final Set<Role> WAIVER_DECIDERS = Set.of(Role.SECURITY, Role.RELEASE_CAPTAIN);

    static Capabilities of(Caller caller, Set<Role> roles) {
        boolean decider = roles.stream().anyMatch(WAIVER_DECIDERS::contains);
        boolean requestWaiver = holds(caller, roles, Permission.WAIVERS_REQUEST);
        return new Capabilities(
                requestWaiver,
                caller.credentialAllows(Permission.WAIVERS_APPROVE) && decider,
                holds(caller, roles, Permission.DECISIONS_RECORD),
                caller.credentialAllows(Permission.RELEASES_APPROVE)
                        ? roles.stream().filter(role -> role.grants(Permission.RELEASES_APPROVE)).map(Role::wireName).sorted().toList()
                        : List.of(),
                requestWaiver && decider,
                caller.principalId().toString());
    }

    public boolean approve() {
        return !approveRoles.isEmpty();
    }

    /** Rejecting a requested waiver: the same people as approving it. */
    public boolean rejectWaiver(ReleaseWaivers.Summary waiver) {
        return approveWaiver && "requested".equals(waiver.status());
    }

    /**
     * Revoking a requested or approved waiver, like the API's revoke ({@code waivers:request}): its requester, or a
     * security lead or release captain of the project.
     */
    public boolean revokeWaiver(ReleaseWaivers.Summary waiver) {
        boolean revocable = "requested".equals(waiver.status()) || "approved".equals(waiver.status());
        return revocable && (revokeAnyWaiver || requestWaiver && principalId.equals(waiver.requesterId()));
    }

    /** Withdrawing an approval: only one's own, not yet withdrawn, like the API's withdraw ({@code releases:approve}). */
    public boolean withdrawApproval(ReleaseApprovals.Summary approval) {
        return approve() && !approval.withdrawn() && principalId.equals(approval.approverId());
    }

    private static boolean holds(Caller caller, Set<Role> roles, Permission permission) {
        return caller.credentialAllows(permission) && roles.stream().anyMatch(role -> role.grants(permission));
    }
}

package dev.greenlight.server.waivers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.access.RoleGrants;
import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;

/**
 * Approves, rejects and revokes waivers. Deciding needs the role of a security lead or release captain on the
 * project, not only the permission: a workspace administrator holds every permission but is neither. Nobody decides
 * their own request.
 */
@Service
class WaiverDecisions {
    private static final Set<Role> DECIDING_ROLES = Set.of(Role.SECURITY, Role.RELEASE_CAPTAIN);

    private final WaiverRepository repository;
    private final ProjectAccess access;
    private final RoleGrants grants;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WaiverDecisions(WaiverRepository repository, ProjectAccess access, RoleGrants grants, Ledger ledger, Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.access = access;
        this.grants = grants;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    Waiver approve(Caller caller, UUID id, @Nullable String comment) {
        return decide(caller, id, WaiverStatus.APPROVED, comment);
    }

    Waiver reject(Caller caller, UUID id, String comment) {
        return decide(caller, id, WaiverStatus.REJECTED, comment);
    }

    private Waiver decide(Caller caller, UUID id, WaiverStatus decision, @Nullable String comment) {
        Waiver waiver = repository.lock(caller.workspaceId(), id);
        access.require(caller, Permission.WAIVERS_APPROVE, waiver.projectSlug());
        if (!holdsDecidingRole(caller, waiver)) {
            throw GreenlightException.forbidden("Only a security lead or a release captain of project '" + waiver.projectSlug()
                    + "' may approve or reject a waiver (role 'security' or 'release-captain').");
        }
        if (waiver.requestedBy().equals(caller.principalId())) {
            throw GreenlightException.forbidden("Separation of duties: you requested this waiver, so another security lead or "
                    + "release captain must approve or reject it.");
        }
        Instant now = clock.instant();
        WaiverStatus status = waiver.statusAt(now);
        if (status != WaiverStatus.REQUESTED) {
            throw GreenlightException.conflict("Waiver " + id + " is " + status.wireName()
                    + "; only a requested waiver can be approved or rejected.");
        }
        repository.decide(id, decision, caller.principalId(), caller.name(), now, comment);
        Map<String, Object> subject = WaiverRequests.subjectOf(waiver);
        subject.put("requestedBy", waiver.requestedByName());
        subject.put("comment", comment);
        ledger.append(LedgerEvent.ofProject(caller, "waiver." + decision.wireName(), waiver.projectSlug(), subject));
        events.publishEvent(WaiverRequests.changed(waiver));
        return repository.require(caller.workspaceId(), id);
    }

    /** The requester takes back a request or a waiver; a security lead or release captain ends someone else's. */
    Waiver revoke(Caller caller, UUID id, String reason) {
        Waiver waiver = repository.lock(caller.workspaceId(), id);
        access.require(caller, Permission.PROJECT_READ, waiver.projectSlug());
        if (!waiver.requestedBy().equals(caller.principalId()) && !holdsDecidingRole(caller, waiver)) {
            throw GreenlightException.forbidden("Only the requester, a security lead or a release captain of project '"
                    + waiver.projectSlug() + "' may revoke this waiver.");
        }
        Instant now = clock.instant();
        WaiverStatus status = waiver.statusAt(now);
        if (status != WaiverStatus.REQUESTED && status != WaiverStatus.APPROVED) {
            throw GreenlightException.conflict("Waiver " + id + " is " + status.wireName()
                    + "; only a requested or approved waiver can be revoked.");
        }
        repository.revoke(id, caller.principalId(), caller.name(), now, reason);
        Map<String, Object> subject = WaiverRequests.subjectOf(waiver);
        subject.put("requestedBy", waiver.requestedByName());
        subject.put("previousStatus", status.wireName());
        subject.put("reason", reason);
        ledger.append(LedgerEvent.ofProject(caller, "waiver.revoked", waiver.projectSlug(), subject));
        events.publishEvent(WaiverRequests.changed(waiver));
        return repository.require(caller.workspaceId(), id);
    }

    private boolean holdsDecidingRole(Caller caller, Waiver waiver) {
        return grants.rolesOn(caller.workspaceId(), caller.principalId(), waiver.projectId()).stream().anyMatch(DECIDING_ROLES::contains);
    }
}

package dev.greenlight.server.approvals;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.greenlight.server.access.Role;
import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;

/** Gives and withdraws approvals, each with its ledger entry in the same transaction. */
@Service
class ApprovalRecords {
    private final ApprovalRepository repository;
    private final SeparationOfDuties separation;
    private final ObjectProvider<ApprovalPreconditions> preconditions;
    private final Ledger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApprovalRecords(ApprovalRepository repository, SeparationOfDuties separation, ObjectProvider<ApprovalPreconditions> preconditions,
            Ledger ledger, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.separation = separation;
        this.preconditions = preconditions;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    /** The approval, and whether this call gave it (false: the caller's standing approval of these artifacts). */
    record Granted(Approval approval, boolean created) {
    }

    Granted grant(Caller caller, Project project, Release release, Environment environment, Role role, @Nullable String comment) {
        separation.requireMayApprove(caller, release, environment, role, project.slug());
        String digest = release.artifactsDigest();
        Optional<Approval> standing = repository.standing(project.workspaceId(), release.id(), environment.id(), caller.principalId(), digest);
        if (standing.isPresent()) {
            if (!standing.get().role().equals(role.wireName())) {
                // One person counts once: approving again as another role would let them fill two roles of a quorum.
                throw GreenlightException.conflict("You already approved release '" + release.version() + "' for '" + environment.name()
                        + "' as '" + standing.get().role() + "'; withdraw that approval to approve as another role.");
            }
            return new Granted(standing.get(), false);
        }
        // Until the gates feature provides ApprovalPreconditions nothing is evaluated here; once it does, an approval
        // cannot be given while a blocker of the environment's gate is neither passing nor waived.
        ApprovalPreconditions gate = preconditions.getIfAvailable();
        if (gate != null) {
            gate.requireNoBlockers(release, environment);
        }
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        repository.insert(new ApprovalRepository.NewApproval(id, project.workspaceId(), project.id(), release.id(), environment.id(),
                role.wireName(), caller.principalId(), caller.name(), comment, digest, now));
        Approval approval = repository.find(project.workspaceId(), id).orElseThrow();
        Map<String, Object> subject = subjectOf(approval);
        subject.put("comment", comment);
        ledger.append(LedgerEvent.ofProject(caller, "approval.granted", project.slug(), subject));
        events.publishEvent(changed(approval));
        return new Granted(approval, true);
    }

    /** Withdraws the caller's own approval; withdrawing it again changes nothing. */
    void withdraw(Caller caller, Approval approval) {
        if (!approval.approverId().equals(caller.principalId())) {
            throw GreenlightException.forbidden("You can only withdraw your own approval; this one is " + approval.approverName() + "'s.");
        }
        if (approval.withdrawnAt() != null || !repository.withdraw(approval.id(), clock.instant())) {
            return;
        }
        ledger.append(LedgerEvent.ofProject(caller, "approval.withdrawn", approval.projectSlug(), subjectOf(approval)));
        events.publishEvent(changed(approval));
    }

    private static ReleaseChanged changed(Approval approval) {
        return new ReleaseChanged(approval.workspaceId(), approval.projectSlug(), approval.version(), approval.environment(),
                ReleaseChanged.Kind.APPROVALS);
    }

    private static Map<String, Object> subjectOf(Approval approval) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("approval", approval.id().toString());
        subject.put("release", approval.version());
        subject.put("environment", approval.environment());
        subject.put("role", approval.role());
        subject.put("artifactsDigest", approval.artifactsDigest());
        return subject;
    }
}

package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.gates.Readiness;
import dev.greenlight.server.gates.ReadinessReport;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProblemKind;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/**
 * Accepts a promotion request: the gate must not block the release (approvals may still be missing; the promotion
 * waits for them), the environment must not be frozen unless a release captain overrides it with a reason, and no
 * other promotion or rollback of the environment may be under way.
 */
@Service
class PromotionRequests {
    private final Releases releases;
    private final Environments environments;
    private final Readiness readiness;
    private final ReleaseCaptains captains;
    private final PromotionRepository repository;
    private final RollbackRepository rollbacks;
    private final EnvironmentReleases environmentReleases;
    private final PromotionTransitions transitions;
    private final Ledger ledger;
    private final Clock clock;

    PromotionRequests(Releases releases, Environments environments, Readiness readiness, ReleaseCaptains captains, PromotionRepository repository,
            RollbackRepository rollbacks, EnvironmentReleases environmentReleases, PromotionTransitions transitions, Ledger ledger, Clock clock) {
        this.releases = releases;
        this.environments = environments;
        this.readiness = readiness;
        this.captains = captains;
        this.repository = repository;
        this.rollbacks = rollbacks;
        this.environmentReleases = environmentReleases;
        this.transitions = transitions;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    Promotion request(Caller caller, Project project, PromotionPlan plan) {
        Release release = releases.find(project, plan.release()).orElseThrow(() -> invalid("release", "no release '" + plan.release() + "' in this project"));
        Environment environment = environments.find(project, plan.environment())
                .orElseThrow(() -> invalid("environment", "no environment '" + plan.environment() + "' in this project"));
        if (plan.freezeOverride() != null) {
            captains.require(caller, project, Permission.FREEZE_OVERRIDE, "override a freeze window");
        }
        ReadinessReport report = readiness.report(project, release, environment);
        if (!report.blockers().isEmpty()) {
            throw new GreenlightException(ProblemKind.GATE_BLOCKED, "The gate of '" + environment.name() + "' blocks release " + release.version()
                    + ": " + report.blockers().size() + " blocker(s) are neither fixed nor waived.")
                    .with("blockers", report.blockers().stream().map(blocker -> Map.of("rule", blocker.rule(), "title", blocker.title(),
                            "outcome", blocker.outcome(), "remediation", blocker.remediation())).toList());
        }
        if (report.freeze() != null && plan.freezeOverride() == null) {
            Map<String, Object> freeze = new LinkedHashMap<>();
            freeze.put("reason", report.freeze().reason());
            freeze.put("until", report.freeze().until().toString());
            throw new GreenlightException(ProblemKind.ENVIRONMENT_FROZEN, "'" + environment.name() + "' is frozen until " + report.freeze().until()
                    + "; a release captain may override the freeze with a reason.").with("freeze", freeze);
        }
        EnvironmentReleases.State state = environmentReleases.of(environment.id());
        if (release.id().equals(state.currentReleaseId())) {
            throw GreenlightException.conflict("'" + environment.name() + "' already runs release " + release.version() + ".");
        }
        rollbacks.openIn(environment.id()).ifPresent(open -> {
            throw GreenlightException.conflict("Rollback " + open.id() + " of '" + environment.name() + "' is under way.");
        });
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        boolean inserted = repository.insert(new PromotionRepository.NewPromotion(id, project.workspaceId(), project.id(), release.id(),
                environment.id(), plan.strategy(), plan.steps(), plan.stepInterval(), plan.deployTimeout(), plan.analysis(), PromotionState.AWAITING_APPROVALS,
                state.currentReleaseId(), plan.freezeOverride(), caller.principalId(), caller.name(), now));
        if (!inserted) {
            Promotion open = repository.openIn(environment.id()).orElseThrow();
            throw GreenlightException.conflict("Promotion " + open.id() + " of release " + open.version() + " into '" + environment.name()
                    + "' is under way.").with("promotion", open.id().toString());
        }
        Promotion promotion = repository.byId(id).orElseThrow();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("steps", plan.steps().stream().map(Integer::longValue).toList());
        detail.put("stepInterval", plan.stepInterval().toString());
        detail.put("baseline", state.currentVersion());
        transitions.started(promotion, caller.name(), "requested by " + caller.name(), detail);
        if (plan.freezeOverride() != null) {
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("promotion", id.toString());
            subject.put("release", release.version());
            subject.put("environment", environment.name());
            subject.put("frozen", report.freeze() != null);
            subject.put("reason", plan.freezeOverride());
            ledger.append(LedgerEvent.ofProject(caller, "promotion.freeze-overridden", project.slug(), subject));
        }
        return promotion;
    }

    private static GreenlightException invalid(String field, String message) {
        return InvalidFields.single(field, message);
    }
}

package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Ids;
import dev.greenlight.server.platform.InvalidFields;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;

/**
 * A release captain's rollback, at any time, also long after the promotion: the target must have been promoted
 * successfully into the environment before. A promotion still in flight there is taken back with it (cancelled if it
 * has not deployed anything yet).
 */
@Service
class RollbackRequests {
    static final String LAST_GOOD = "last-good";

    private final ReleaseCaptains captains;
    private final Releases releases;
    private final EnvironmentReleases environments;
    private final PromotionRepository promotions;
    private final PromotionTransitions transitions;
    private final Rollbacks rollbacks;
    private final RollbackRepository repository;
    private final Clock clock;

    RollbackRequests(ReleaseCaptains captains, Releases releases, EnvironmentReleases environments, PromotionRepository promotions,
            PromotionTransitions transitions, Rollbacks rollbacks, RollbackRepository repository, Clock clock) {
        this.captains = captains;
        this.releases = releases;
        this.environments = environments;
        this.promotions = promotions;
        this.transitions = transitions;
        this.rollbacks = rollbacks;
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    Rollback request(Caller caller, Project project, Environment environment, String to, String reason) {
        captains.require(caller, project, Permission.RELEASES_ROLLBACK, "roll an environment back");
        EnvironmentReleases.State state = environments.of(environment.id());
        Optional<Promotion> inFlight = promotions.openIn(environment.id()).flatMap(open -> promotions.lock(open.id()));
        if (inFlight.isPresent() && inFlight.get().state() == PromotionState.ROLLING_BACK) {
            throw GreenlightException.conflict("Promotion " + inFlight.get().id() + " is already rolling '" + environment.name() + "' back.");
        }
        Promotion deployed = inFlight.filter(open -> open.state() != PromotionState.AWAITING_APPROVALS).orElse(null);
        // While a canary runs, the environment runs it too: its baseline is a valid target, and "last good" is that baseline.
        UUID running = deployed != null ? deployed.releaseId() : state.currentReleaseId();
        Release target = target(project, environment, state, running, to);
        if (target.id().equals(running)) {
            throw GreenlightException.conflict("'" + environment.name() + "' already runs release " + target.version() + ".");
        }
        inFlight.filter(open -> open.state() == PromotionState.AWAITING_APPROVALS).ifPresent(waiting -> transitions.move(waiting,
                new PromotionRepository.Change(PromotionState.CANCELLED, waiting.stepIndex(), null, null, null, true), caller.name(),
                "cancelled by the rollback " + caller.name() + " asked for: " + reason, Map.of()));
        Instant now = clock.instant();
        Rollback rollback;
        try {
            rollback = rollbacks.open(new RollbackRepository.NewRollback(Ids.newId(clock), project.workspaceId(), project.id(), environment.id(),
                    running, target.id(), deployed == null ? null : deployed.id(), reason, caller.principalId(), caller.name(), now, now),
                    caller.workspaceSlug(), caller.name());
        } catch (Rollbacks.RollbackUnderWay underWay) {
            throw GreenlightException.conflict("A rollback of '" + environment.name() + "' is already under way.");
        }
        if (deployed != null) {
            transitions.move(deployed, new PromotionRepository.Change(PromotionState.ROLLING_BACK, deployed.stepIndex(), null, null, null, false),
                    caller.name(), "rolled back by " + caller.name() + ": " + reason, Map.of("rollback", rollback.id().toString()));
        }
        return repository.byId(rollback.id()).orElseThrow();
    }

    private Release target(Project project, Environment environment, EnvironmentReleases.State state, @Nullable UUID running, String to) {
        if (LAST_GOOD.equals(to)) {
            // The last good release other than the one running now: after a promotion that succeeded and later proved
            // bad, the environment's last good release is the running one, and going back means the one before it.
            String version = state.lastGoodVersion() != null && !state.lastGoodReleaseId().equals(running)
                    ? state.lastGoodVersion()
                    : environments.lastGoodOtherThan(environment.id(), running).orElse(null);
            if (version == null) {
                throw GreenlightException.conflict("No release other than the running one was ever promoted successfully into '"
                        + environment.name() + "'.");
            }
            return releases.require(project, version);
        }
        Release release = releases.find(project, to).orElseThrow(() -> InvalidFields.single("to",
                "no release '" + to + "' in this project; name a version or \"last-good\""));
        if (environments.successfulPromotion(environment.id(), release.id()).isEmpty()) {
            throw GreenlightException.conflict("Release " + release.version() + " was never promoted successfully into '" + environment.name()
                    + "', so it cannot be rolled back to.");
        }
        return release;
    }
}

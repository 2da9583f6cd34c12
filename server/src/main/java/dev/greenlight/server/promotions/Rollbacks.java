package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.greenlight.server.events.ReleaseChanged;

import dev.greenlight.server.jobs.JobPriority;
import dev.greenlight.server.jobs.JobQueue;
import dev.greenlight.server.jobs.JobRequest;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.platform.Ids;

/**
 * Rollbacks, automatic and governed, inside the caller's transaction: the row, the ledger entry and the critical
 * {@code rollback.deliver} job commit together, and finishing one makes the restored release the environment's current
 * and last good release again.
 */
@Component
class Rollbacks {
    static final String DELIVER_JOB = "rollback.deliver";
    static final String ABORT_JOB = "promotion.abort";

    private final RollbackRepository repository;
    private final PromotionRepository promotions;
    private final PromotionTransitions transitions;
    private final EnvironmentReleases environments;
    private final Ledger ledger;
    private final JobQueue jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rollbacks(RollbackRepository repository, PromotionRepository promotions, PromotionTransitions transitions, EnvironmentReleases environments,
            Ledger ledger, JobQueue jobs, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.promotions = promotions;
        this.transitions = transitions;
        this.environments = environments;
        this.ledger = ledger;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A promotion failed after its first deploy call may have reached the environment: the environment goes back to the
     * release it ran before. A first deployment has nothing to go back to; the deployer is asked to abort it instead.
     */
    void afterFailedPromotion(Promotion promotion, String reason, Map<String, Object> detail) {
        UUID baseline = promotion.baselineReleaseId();
        if (baseline == null) {
            transitions.move(promotion, new PromotionRepository.Change(PromotionState.FAILED, promotion.stepIndex(), null, null,
                    detail.isEmpty() ? null : detail, true), Actor.SYSTEM, reason + "; no earlier release to restore, the deployer is asked to abort", detail);
            jobs.enqueue(new JobRequest(ABORT_JOB, promotion.id().toString(), PromotionRepository.JSON.writeValueAsString(
                    Map.of("promotion", promotion.id().toString(), "reason", reason)), JobPriority.CRITICAL, clock.instant(), promotion.workspaceId()));
            return;
        }
        Instant now = clock.instant();
        Rollback rollback;
        try {
            rollback = open(new RollbackRepository.NewRollback(Ids.newId(clock), promotion.workspaceId(), promotion.projectId(),
                    promotion.environmentId(), promotion.releaseId(), baseline, promotion.id(), reason, null, Actor.SYSTEM, now, now),
                    promotion.workspaceSlug(), Actor.SYSTEM);
        } catch (RollbackUnderWay underWay) {
            // A release captain's rollback got there first; it restores the environment either way.
            transitions.move(promotion, new PromotionRepository.Change(PromotionState.FAILED, promotion.stepIndex(), null, null,
                    detail.isEmpty() ? null : detail, true), Actor.SYSTEM, reason + "; a rollback of the environment was already under way", detail);
            return;
        }
        Map<String, Object> withRollback = new LinkedHashMap<>(detail);
        withRollback.put("rollback", rollback.id().toString());
        transitions.move(promotion, new PromotionRepository.Change(PromotionState.ROLLING_BACK, promotion.stepIndex(), null, null,
                detail.isEmpty() ? null : detail, false), Actor.SYSTEM, reason, withRollback);
    }

    /** Inserts a rollback, records it and schedules its delivery; empty when another rollback is under way. */
    Rollback open(RollbackRepository.NewRollback requested, String workspaceSlug, String actor) {
        if (!repository.insert(requested)) {
            throw new RollbackUnderWay();
        }
        Rollback rollback = repository.byId(requested.id()).orElseThrow();
        ledger.append(new LedgerEvent(rollback.workspaceId(), workspaceSlug, "rollback.requested", rollback.project(), actor, subject(rollback)));
        jobs.enqueue(new JobRequest(DELIVER_JOB, rollback.id().toString(), PromotionRepository.JSON.writeValueAsString(
                Map.of("rollback", rollback.id().toString())), JobPriority.CRITICAL, clock.instant(), rollback.workspaceId()));
        announce(rollback);
        return rollback;
    }

    /** The deployer restored the target: it runs again, and is the last good release. {@code rollback} is locked. */
    void completed(Rollback rollback, String actor) {
        Instant now = clock.instant();
        repository.finish(rollback.id(), Rollback.COMPLETED, null, now);
        EnvironmentReleases.GoodPromotion good = environments.successfulPromotion(rollback.environmentId(), rollback.toReleaseId())
                .orElseThrow(() -> new IllegalStateException("rollback " + rollback.id() + " targets a release never promoted there"));
        environments.promoted(rollback.workspaceId(), rollback.environmentId(), rollback.toReleaseId(), good.promotionId(), good.decisionId(), now);
        ledger.append(new LedgerEvent(rollback.workspaceId(), rollback.workspaceSlug(), "rollback.completed", rollback.project(), actor,
                subject(rollback)));
        announce(rollback);
        finishPromotion(rollback, PromotionState.ROLLED_BACK, "the environment runs " + rollback.toVersion() + " again");
    }

    /** The deployer could not restore the target; a person has to look. {@code rollback} is locked. */
    void failed(Rollback rollback, String actor, String failure) {
        repository.finish(rollback.id(), Rollback.FAILED, failure, clock.instant());
        Map<String, Object> subject = subject(rollback);
        subject.put("failure", failure);
        ledger.append(new LedgerEvent(rollback.workspaceId(), rollback.workspaceSlug(), "rollback.failed", rollback.project(), actor, subject));
        announce(rollback);
        finishPromotion(rollback, PromotionState.FAILED, "the rollback failed: " + failure);
    }

    private void finishPromotion(Rollback rollback, PromotionState to, String reason) {
        UUID promotionId = rollback.promotionId();
        if (promotionId == null) {
            return;
        }
        promotions.lock(promotionId).filter(promotion -> promotion.state() == PromotionState.ROLLING_BACK)
                .ifPresent(promotion -> transitions.move(promotion, new PromotionRepository.Change(to, promotion.stepIndex(), null, null, null, true),
                        Actor.SYSTEM, reason, Map.of("rollback", rollback.id().toString())));
    }

    /** The pages of both releases show what the environment runs; they update live (only if the transaction commits). */
    private void announce(Rollback rollback) {
        events.publishEvent(new ReleaseChanged(rollback.workspaceId(), rollback.project(), rollback.toVersion(), rollback.environment(),
                ReleaseChanged.Kind.PROMOTIONS));
        if (rollback.fromVersion() != null && !rollback.fromVersion().equals(rollback.toVersion())) {
            events.publishEvent(new ReleaseChanged(rollback.workspaceId(), rollback.project(), rollback.fromVersion(), rollback.environment(),
                    ReleaseChanged.Kind.PROMOTIONS));
        }
    }

    static Map<String, Object> subject(Rollback rollback) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("rollback", rollback.id().toString());
        subject.put("environment", rollback.environment());
        subject.put("from", rollback.fromVersion());
        subject.put("to", rollback.toVersion());
        subject.put("promotion", rollback.promotionId() == null ? null : rollback.promotionId().toString());
        subject.put("automatic", rollback.requestedBy() == null);
        subject.put("reason", rollback.reason());
        return subject;
    }

    /** Another rollback of the environment is still under way. */
    static final class RollbackUnderWay extends RuntimeException {
        RollbackUnderWay() {
            super("a rollback of the environment is already under way");
        }
    }
}

package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.gates.ReadinessReport;
import dev.greenlight.server.health.AnalysisOutcome;
import dev.greenlight.server.health.AnalysisResult;
import dev.greenlight.server.jobs.JobContext;
import dev.greenlight.server.jobs.JobHandler;
import dev.greenlight.server.platform.Actor;

/**
 * Drives promotions: each run of a {@code promotion.advance} job looks at one promotion and either moves it on or
 * schedules the next look. Calls to the outside (the deployer, the health source) happen before the promotion is
 * locked; the transition is then applied only if nothing else moved the promotion meanwhile (same seq and ticks), so a
 * job run twice after a crash has no second effect, and the deployer recognises a repeated call by its idempotency key.
 */
@Component
class PromotionEngine implements JobHandler {
    private final PromotionRepository repository;
    private final PromotionTransitions transitions;
    private final PromotionContext context;
    private final Deployments deployments;
    private final CanaryAnalyses analyses;
    private final Rollbacks rollbacks;
    private final EnvironmentReleases environments;
    private final PromotionProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PromotionEngine(PromotionRepository repository, PromotionTransitions transitions, PromotionContext context, Deployments deployments,
            CanaryAnalyses analyses, Rollbacks rollbacks, EnvironmentReleases environments, PromotionProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.transitions = transitions;
        this.context = context;
        this.deployments = deployments;
        this.analyses = analyses;
        this.rollbacks = rollbacks;
        this.environments = environments;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return PromotionTransitions.JOB_KIND;
    }

    @Override
    public void run(JobContext job) {
        Map<String, Object> payload = PromotionRepository.JSON.readValue(job.payload(), PromotionRepository.OBJECT);
        UUID id = UUID.fromString((String) payload.get("promotion"));
        int seq = ((Number) payload.get("seq")).intValue();
        int ticks = ((Number) payload.get("ticks")).intValue();
        Optional<Promotion> found = repository.byId(id).filter(promotion -> current(promotion, seq, ticks));
        if (found.isEmpty()) {
            return;
        }
        Promotion promotion = found.get();
        switch (promotion.state()) {
            case AWAITING_APPROVALS -> checkGate(promotion);
            case DEPLOYING -> deploy(promotion, job.attempt() >= maxAttempts());
            case ANALYSING -> analyse(promotion);
            default -> {
                // Final states and rolling back (driven by the rollback job) need nothing from this job.
            }
        }
    }

    private void checkGate(Promotion promotion) {
        ReadinessReport report = context.readiness(promotion);
        Instant now = clock.instant();
        if (!report.blockers().isEmpty()) {
            Map<String, Object> detail = Map.of("blockers", report.blockers().stream().map(ReadinessReport.Blocker::rule).toList());
            locked(promotion, current -> transitions.move(current, change(current, PromotionState.FAILED, true), Actor.SYSTEM,
                    "the gate blocks the release: " + String.join(", ", report.blockers().stream().map(ReadinessReport.Blocker::rule).toList()), detail));
            return;
        }
        boolean frozen = report.freeze() != null && promotion.freezeOverride() == null;
        if (!report.approvals().missing().isEmpty() || frozen) {
            if (now.isAfter(promotion.createdAt().plus(properties.approvalTimeout()))) {
                locked(promotion, current -> transitions.move(current, change(current, PromotionState.CANCELLED, true), Actor.SYSTEM,
                        frozen ? "the environment stayed frozen for " + properties.approvalTimeout() : "approvals were not given within " + properties.approvalTimeout(),
                        Map.of()));
                return;
            }
            Map<String, Object> waiting = new LinkedHashMap<>();
            waiting.put("waitingFor", frozen ? "freeze" : "approvals");
            locked(promotion, current -> transitions.recheck(current, waiting, now.plus(properties.approvalRecheck())));
            return;
        }
        locked(promotion, current -> {
            UUID decision = context.recordDecision(current);
            transitions.move(current, new PromotionRepository.Change(PromotionState.DEPLOYING, 0, null, decision, null, false), Actor.SYSTEM,
                    "the gate is green and the approvals are given", Map.of("decision", decision.toString()));
        });
    }

    private void deploy(Promotion promotion, boolean lastAttempt) {
        DeployerSettings deployer = deployments.deployerOf(promotion);
        if (deployer.kind() == DeployerSettings.Kind.EXTERNAL) {
            awaitReport(promotion);
            return;
        }
        try {
            deployments.deployStep(promotion, deployer);
        } catch (WebhookDeployer.DeliveryFailed failure) {
            if (!lastAttempt) {
                throw failure;
            }
            locked(promotion, current -> rollbacks.afterFailedPromotion(current, "the deployer did not take step " + (current.stepIndex() + 1)
                    + " after " + maxAttempts() + " attempts: " + failure.getMessage(), Map.of()));
            return;
        }
        locked(promotion, current -> stepDeployed(current, Actor.SYSTEM));
    }

    /**
     * An external system reports the step through {@code POST /api/v1/promotions/{id}/status}; one that stays silent
     * longer than the promotion's deploy timeout has the step taken back, as a deployer that refuses it would. The
     * start of the wait is stored, so a restarted node waits only for what is left.
     */
    private void awaitReport(Promotion promotion) {
        Instant now = clock.instant();
        Instant since = promotion.reportAwaitedSince();
        if (since == null) {
            locked(promotion, current -> {
                repository.reportAwaited(current.id(), now);
                transitions.recheck(current, null, now.plus(current.deployTimeout()));
            });
            return;
        }
        Instant deadline = since.plus(promotion.deployTimeout());
        if (now.isBefore(deadline)) {
            locked(promotion, current -> transitions.recheck(current, null, deadline));
            return;
        }
        locked(promotion, current -> rollbacks.afterFailedPromotion(current, "the deployer reported nothing for step " + (current.stepIndex() + 1)
                + " within " + current.deployTimeout(), Map.of()));
    }

    /** The deployer has the current step: a direct promotion is done; a canary step starts its analysis. */
    void stepDeployed(Promotion promotion, String actor) {
        Instant now = clock.instant();
        String reason = "the deployer applied step " + (promotion.stepIndex() + 1) + " of " + promotion.steps().size()
                + " (" + promotion.stepPercent() + " %)";
        if (promotion.strategy() == PromotionStrategy.DIRECT) {
            transitions.move(promotion, change(promotion, PromotionState.PROMOTED, true), actor, reason, Map.of());
            environments.promoted(promotion.workspaceId(), promotion.environmentId(), promotion.releaseId(), promotion.id(), promotion.decisionId(), now);
            return;
        }
        transitions.move(promotion, new PromotionRepository.Change(PromotionState.ANALYSING, promotion.stepIndex(), now, null, null, false),
                actor, reason, Map.of());
    }

    private void analyse(Promotion promotion) {
        Instant now = clock.instant();
        Instant stepStarted = promotion.stepStartedAt() == null ? now : promotion.stepStartedAt();
        AnalysisResult result = analyses.analyse(promotion, stepStarted, now);
        Map<String, Object> recorded = CanaryAnalyses.describe(result, now);
        if (result.outcome() == AnalysisOutcome.FAIL) {
            locked(promotion, current -> rollbacks.afterFailedPromotion(current, "canary analysis failed at " + current.stepPercent() + " %: "
                    + String.join("; ", result.reasons()), recorded));
            return;
        }
        Instant stepEnds = stepStarted.plus(promotion.stepInterval());
        if (result.outcome() == AnalysisOutcome.PASS && !now.isBefore(stepEnds)) {
            if (promotion.lastStep()) {
                locked(promotion, current -> {
                    transitions.move(current, new PromotionRepository.Change(PromotionState.PROMOTED, current.stepIndex(), null, null, recorded, true),
                            Actor.SYSTEM, "the canary passed its analysis at 100 %", recorded);
                    environments.promoted(current.workspaceId(), current.environmentId(), current.releaseId(), current.id(), current.decisionId(), now);
                });
                return;
            }
            if (context.frozen(promotion)) {
                recorded.put("waitingFor", "freeze");
                locked(promotion, current -> transitions.recheck(current, recorded, now.plus(promotion.analysis().interval())));
                return;
            }
            locked(promotion, current -> transitions.move(current,
                    new PromotionRepository.Change(PromotionState.DEPLOYING, current.stepIndex() + 1, null, null, recorded, false), Actor.SYSTEM,
                    "the canary passed its analysis at " + current.stepPercent() + " %", recorded));
            return;
        }
        if (result.outcome() == AnalysisOutcome.INCONCLUSIVE && now.isAfter(stepEnds.plus(promotion.analysis().maxWait()))) {
            locked(promotion, current -> rollbacks.afterFailedPromotion(current, "no conclusive analysis " + promotion.analysis().maxWait()
                    + " after step " + (current.stepIndex() + 1) + " should have ended: " + String.join("; ", result.reasons()), recorded));
            return;
        }
        Instant next = now.plus(promotion.analysis().interval());
        locked(promotion, current -> transitions.recheck(current, recorded, next));
    }

    /** Runs {@code action} on the promotion locked in a new transaction, unless something moved it since it was read. */
    private void locked(Promotion seen, Consumer<Promotion> action) {
        transaction.executeWithoutResult(status -> repository.lock(seen.id())
                .filter(current -> current(current, seen.seq(), seen.ticks()))
                .ifPresent(action));
    }

    private static boolean current(Promotion promotion, int seq, int ticks) {
        return !promotion.state().isFinal() && promotion.seq() == seq && promotion.ticks() == ticks;
    }

    private static PromotionRepository.Change change(Promotion promotion, PromotionState to, boolean finished) {
        return new PromotionRepository.Change(to, promotion.stepIndex(), null, null, null, finished);
    }
}

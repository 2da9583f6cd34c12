package dev.greenlight.server.promotions;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.greenlight.server.events.ReleaseChanged;

import dev.greenlight.server.jobs.JobPriority;
import dev.greenlight.server.jobs.JobQueue;
import dev.greenlight.server.jobs.JobRequest;
import dev.greenlight.server.ledger.Ledger;
import dev.greenlight.server.ledger.LedgerEvent;

/**
 * Moves a promotion from one state to the next, inside the caller's transaction: the row, the transition, its ledger
 * entry ({@code promotion.<state>} with actor and reason) and the job that continues it commit together or not at all.
 */
@Component
class PromotionTransitions {
    static final String JOB_KIND = "promotion.advance";

    private final PromotionRepository repository;
    private final Ledger ledger;
    private final JobQueue jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PromotionTransitions(PromotionRepository repository, Ledger ledger, JobQueue jobs, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    /** Applies the change; {@code promotion} must be the row as locked by this transaction. */
    void move(Promotion promotion, PromotionRepository.Change change, String actor, String reason, Map<String, Object> detail) {
        Instant at = clock.instant();
        repository.apply(promotion, change, at);
        int seq = promotion.seq() + 1;
        long index = ledger.append(new LedgerEvent(promotion.workspaceId(), promotion.workspaceSlug(), "promotion." + change.to().wireName(),
                promotion.project(), actor, subject(promotion, promotion.state().wireName(), change.to(), change.stepIndex(), reason, detail)));
        repository.insertTransition(promotion.id(), seq, promotion.state(), change.to(), change.stepIndex(), actor, reason, detail, at, index);
        announce(promotion);
        if (!change.to().isFinal() && change.to() != PromotionState.ROLLING_BACK) {
            // A step's first analysis waits one interval: before that there is no traffic of the step to look at.
            Instant runAt = change.to() == PromotionState.ANALYSING ? at.plus(promotion.analysis().interval()) : at;
            schedule(promotion.id(), promotion.workspaceId(), seq, promotion.ticks(), runAt, priorityOf(change.to()));
        }
    }

    /** Records the first transition of a new promotion (seq 0) and schedules its first check now. */
    void started(Promotion promotion, String actor, String reason, Map<String, Object> detail) {
        Instant at = promotion.createdAt();
        long index = ledger.append(new LedgerEvent(promotion.workspaceId(), promotion.workspaceSlug(), "promotion.requested",
                promotion.project(), actor, subject(promotion, null, promotion.state(), 0, reason, detail)));
        repository.insertTransition(promotion.id(), 0, null, promotion.state(), 0, actor, reason, detail, at, index);
        announce(promotion);
        schedule(promotion.id(), promotion.workspaceId(), 0, 0, at, JobPriority.DEFAULT);
    }

    /** Counts a re-check that leaves the state as it is, and schedules the next one at {@code next}. */
    void recheck(Promotion promotion, @Nullable Map<String, Object> analysis, Instant next) {
        repository.tick(promotion.id(), analysis, clock.instant());
        schedule(promotion.id(), promotion.workspaceId(), promotion.seq(), promotion.ticks() + 1, next, JobPriority.DEFAULT);
    }

    /** Pages showing the release update live (delivered only if the transaction commits). */
    private void announce(Promotion promotion) {
        events.publishEvent(new ReleaseChanged(promotion.workspaceId(), promotion.project(), promotion.version(), promotion.environment(),
                ReleaseChanged.Kind.PROMOTIONS));
    }

    private void schedule(UUID promotionId, UUID workspaceId, int seq, int ticks, Instant runAt, JobPriority priority) {
        String payload = PromotionRepository.JSON.writeValueAsString(Map.of("promotion", promotionId.toString(), "seq", seq, "ticks", ticks));
        jobs.enqueue(new JobRequest(JOB_KIND, promotionId + ":" + seq + ":" + ticks, payload, priority, runAt, workspaceId));
    }

    private static JobPriority priorityOf(PromotionState state) {
        // An analysis may end in a rollback: it must not wait behind bulk work.
        return state == PromotionState.ANALYSING ? JobPriority.CRITICAL : JobPriority.DEFAULT;
    }

    private static Map<String, Object> subject(Promotion promotion, String from, PromotionState to, int stepIndex, String reason,
            Map<String, Object> detail) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("promotion", promotion.id().toString());
        subject.put("release", promotion.version());
        subject.put("environment", promotion.environment());
        subject.put("strategy", promotion.strategy().wireName());
        subject.put("from", from);
        subject.put("to", to.wireName());
        subject.put("step", (long) stepIndex);
        subject.put("percent", (long) promotion.steps().get(stepIndex));
        subject.put("reason", reason);
        if (!detail.isEmpty()) {
            subject.put("detail", detail);
        }
        return subject;
    }
}

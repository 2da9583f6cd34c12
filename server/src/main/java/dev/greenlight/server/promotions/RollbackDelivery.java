package dev.greenlight.server.promotions;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.jobs.JobContext;
import dev.greenlight.server.jobs.JobHandler;
import dev.greenlight.server.platform.Actor;
import dev.greenlight.server.releases.Release;

/**
 * Delivers a rollback to a webhook deployer, retrying with the queue's backoff; the rollback completes when the
 * deployer takes it. An external deployer reports through {@code POST /api/v1/rollbacks/{id}/status} instead.
 */
@Component
class RollbackDelivery implements JobHandler {
    private static final int ATTEMPTS = 10;

    private final RollbackRepository repository;
    private final Rollbacks rollbacks;
    private final Deployments deployments;
    private final PromotionContext context;
    private final TransactionTemplate transaction;

    RollbackDelivery(RollbackRepository repository, Rollbacks rollbacks, Deployments deployments, PromotionContext context, TransactionTemplate transaction) {
        this.repository = repository;
        this.rollbacks = rollbacks;
        this.deployments = deployments;
        this.context = context;
        this.transaction = transaction;
    }

    @Override
    public String kind() {
        return Rollbacks.DELIVER_JOB;
    }

    @Override
    public int maxAttempts() {
        return ATTEMPTS;
    }

    @Override
    public void run(JobContext job) {
        Map<String, Object> payload = PromotionRepository.JSON.readValue(job.payload(), PromotionRepository.OBJECT);
        UUID id = UUID.fromString((String) payload.get("rollback"));
        Rollback rollback = repository.byId(id).filter(found -> Rollback.REQUESTED.equals(found.state())).orElse(null);
        if (rollback == null) {
            return;
        }
        DeployerSettings deployer = deployments.deployerOf(rollback);
        if (deployer.kind() == DeployerSettings.Kind.EXTERNAL) {
            return;
        }
        try {
            deployments.restore(rollback, target(rollback), deployer);
        } catch (WebhookDeployer.DeliveryFailed failure) {
            if (job.attempt() < ATTEMPTS) {
                throw failure;
            }
            finish(id, locked -> rollbacks.failed(locked, Actor.SYSTEM, failure.getMessage() + " (after " + ATTEMPTS + " attempts)"));
            return;
        }
        finish(id, locked -> rollbacks.completed(locked, Actor.SYSTEM));
    }

    private Release target(Rollback rollback) {
        return context.releaseOf(rollback.workspaceId(), rollback.projectId(), rollback.toVersion());
    }

    private void finish(UUID id, java.util.function.Consumer<Rollback> action) {
        transaction.executeWithoutResult(status -> repository.lock(id).filter(locked -> Rollback.REQUESTED.equals(locked.state())).ifPresent(action));
    }
}

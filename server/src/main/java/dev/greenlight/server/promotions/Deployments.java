package dev.greenlight.server.promotions;

import org.springframework.stereotype.Component;

import dev.greenlight.server.releases.Release;

/** Asks an environment's deployer to act for a promotion or a rollback; external deployers are not called. */
@Component
class Deployments {
    private final DeployerRepository deployers;
    private final WebhookDeployer webhook;
    private final PromotionContext context;

    Deployments(DeployerRepository deployers, WebhookDeployer webhook, PromotionContext context) {
        this.deployers = deployers;
        this.webhook = webhook;
        this.context = context;
    }

    DeployerSettings deployerOf(Promotion promotion) {
        return deployers.of(promotion.environmentId());
    }

    DeployerSettings deployerOf(Rollback rollback) {
        return deployers.of(rollback.environmentId());
    }

    void deployStep(Promotion promotion, DeployerSettings deployer) {
        PromotionContext.Subjects subjects = context.subjects(promotion);
        webhook.send(deployer, new DeploymentRequest(DeploymentRequest.DEPLOY, promotion.idempotencyKey("step:" + promotion.stepIndex()),
                promotion.project(), promotion.environment(), promotion.id().toString(), null, subjects.release(),
                new DeploymentRequest.Step(promotion.stepIndex(), promotion.stepPercent(), promotion.steps().size()), null));
    }

    /** Restores the rollback's target release. */
    void restore(Rollback rollback, Release target, DeployerSettings deployer) {
        webhook.send(deployer, new DeploymentRequest(DeploymentRequest.ROLLBACK, "rollback:" + rollback.id(), rollback.project(),
                rollback.environment(), rollback.promotionId() == null ? null : rollback.promotionId().toString(), rollback.id().toString(),
                target, null, rollback.reason()));
    }

    /** Withdraws a first deployment that failed: there is no earlier release to restore. */
    void abort(Promotion promotion, String reason) {
        DeployerSettings deployer = deployerOf(promotion);
        if (deployer.kind() == DeployerSettings.Kind.WEBHOOK) {
            webhook.send(deployer, new DeploymentRequest(DeploymentRequest.ABORT, promotion.idempotencyKey("abort"), promotion.project(),
                    promotion.environment(), promotion.id().toString(), null, context.subjects(promotion).release(), null, reason));
        }
    }
}

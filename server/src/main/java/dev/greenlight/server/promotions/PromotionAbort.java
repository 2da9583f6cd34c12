package dev.greenlight.server.promotions;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.greenlight.server.jobs.JobContext;
import dev.greenlight.server.jobs.JobHandler;

/** Asks the deployer to withdraw a first deployment that failed (there is nothing earlier to restore). */
@Component
class PromotionAbort implements JobHandler {
    private final PromotionRepository promotions;
    private final Deployments deployments;

    PromotionAbort(PromotionRepository promotions, Deployments deployments) {
        this.promotions = promotions;
        this.deployments = deployments;
    }

    @Override
    public String kind() {
        return Rollbacks.ABORT_JOB;
    }

    @Override
    public void run(JobContext job) {
        Map<String, Object> payload = PromotionRepository.JSON.readValue(job.payload(), PromotionRepository.OBJECT);
        promotions.byId(UUID.fromString((String) payload.get("promotion")))
                .ifPresent(promotion -> deployments.abort(promotion, (String) payload.get("reason")));
    }
}

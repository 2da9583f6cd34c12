package dev.greenlight.server.promotions;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;
import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.ProjectAccess;

/**
 * What an external CD system reports: a promotion step deployed or failed, a rollback done or failed. A report that
 * repeats one already taken changes nothing and is answered like the first, so a CD system may retry freely.
 */
@Service
class DeploymentReports {
    static final String DEPLOYED = "deployed";
    static final String FAILED = "failed";
    static final String COMPLETED = "completed";

    private final PromotionRepository promotions;
    private final RollbackRepository rollbacks;
    private final PromotionEngine engine;
    private final Rollbacks rollbackService;
    private final ProjectAccess access;

    DeploymentReports(PromotionRepository promotions, RollbackRepository rollbacks, PromotionEngine engine, Rollbacks rollbackService,
            ProjectAccess access) {
        this.promotions = promotions;
        this.rollbacks = rollbacks;
        this.engine = engine;
        this.rollbackService = rollbackService;
        this.access = access;
    }

    /** {@code step} counts from 1, as the views show it. */
    @Transactional
    Promotion promotionStep(Caller caller, UUID id, int step, String state, @Nullable String message) {
        Promotion seen = promotions.find(caller.workspaceId(), id).orElseThrow(PromotionRepository::notFound);
        access.require(caller, Permission.DEPLOYMENTS_REPORT, seen.project());
        Promotion promotion = promotions.lock(id).orElseThrow(PromotionRepository::notFound);
        int index = step - 1;
        if (index < 0 || index >= promotion.steps().size()) {
            throw GreenlightException.badRequest("Promotion " + id + " has steps 1 to " + promotion.steps().size() + ".");
        }
        String detail = message == null ? "" : ": " + message;
        boolean inFlight = promotion.state() == PromotionState.DEPLOYING || promotion.state() == PromotionState.ANALYSING;
        if (FAILED.equals(state) && inFlight && index <= promotion.stepIndex()) {
            // Also after "deployed": a CD system may notice a failure later, and any failed step takes the canary back.
            rollbackService.afterFailedPromotion(promotion, caller.name() + " reported step " + step + " failed" + detail,
                    message == null ? Map.of() : Map.of("message", message));
            return promotions.byId(id).orElseThrow();
        }
        if (DEPLOYED.equals(state) && promotion.state() == PromotionState.DEPLOYING && promotion.stepIndex() == index) {
            engine.stepDeployed(promotion, caller.name());
            return promotions.byId(id).orElseThrow();
        }
        if (repeats(promotion, index, state)) {
            return promotion;
        }
        throw GreenlightException.conflict("Promotion " + id + " is " + promotion.state().wireName() + " at step " + (promotion.stepIndex() + 1)
                + "; it does not expect '" + state + "' for step " + step + "."
                + (promotion.state() == PromotionState.PROMOTED ? " To take a promoted release back, roll the environment back." : ""));
    }

    /**
     * Whether the report says what the promotion already knows: a step reported deployed that it has passed, or a
     * failure of a promotion already taken back.
     */
    private static boolean repeats(Promotion promotion, int index, String state) {
        if (DEPLOYED.equals(state)) {
            return index < promotion.stepIndex() || (index == promotion.stepIndex() && promotion.state() != PromotionState.AWAITING_APPROVALS
                    && promotion.state() != PromotionState.DEPLOYING);
        }
        return promotion.state() == PromotionState.ROLLING_BACK || promotion.state() == PromotionState.ROLLED_BACK
                || promotion.state() == PromotionState.FAILED;
    }

    @Transactional
    Rollback rollback(Caller caller, UUID id, String state, @Nullable String message) {
        Rollback seen = rollbacks.find(caller.workspaceId(), id).orElseThrow(RollbackRepository::notFound);
        access.require(caller, Permission.DEPLOYMENTS_REPORT, seen.project());
        Rollback rollback = rollbacks.lock(id).orElseThrow(RollbackRepository::notFound);
        String wanted = COMPLETED.equals(state) ? Rollback.COMPLETED : Rollback.FAILED;
        if (!Rollback.REQUESTED.equals(rollback.state())) {
            if (rollback.state().equals(wanted)) {
                return rollback;
            }
            throw GreenlightException.conflict("Rollback " + id + " is already " + rollback.state() + ".");
        }
        if (COMPLETED.equals(state)) {
            rollbackService.completed(rollback, caller.name());
        } else {
            rollbackService.failed(rollback, caller.name(), message == null ? "reported failed by " + caller.name() : message);
        }
        return rollbacks.byId(id).orElseThrow();
    }
}

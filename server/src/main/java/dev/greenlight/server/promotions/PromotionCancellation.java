package dev.greenlight.server.promotions;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.greenlight.server.platform.Caller;
import dev.greenlight.server.platform.GreenlightException;

/**
 * Cancelling is for promotions that have not reached the environment yet. Once a step is deployed, taking it back is
 * a rollback, which needs a release captain and restores the previous release.
 */
@Service
class PromotionCancellation {
    private final PromotionRepository repository;
    private final PromotionTransitions transitions;

    PromotionCancellation(PromotionRepository repository, PromotionTransitions transitions) {
        this.repository = repository;
        this.transitions = transitions;
    }

    @Transactional
    Promotion cancel(Caller caller, UUID id, String reason) {
        Promotion promotion = repository.lock(id).orElseThrow(PromotionRepository::notFound);
        if (promotion.state() == PromotionState.CANCELLED) {
            return promotion;
        }
        if (promotion.state() != PromotionState.AWAITING_APPROVALS) {
            throw GreenlightException.conflict("Promotion " + id + " is " + promotion.state().wireName() + "; only one that waits for its approvals "
                    + "can be cancelled. To take a deployed step back, roll the environment back.");
        }
        transitions.move(promotion, new PromotionRepository.Change(PromotionState.CANCELLED, promotion.stepIndex(), null, null, null, true),
                caller.name(), "cancelled by " + caller.name() + ": " + reason, Map.of());
        return repository.byId(id).orElseThrow();
    }
}

package dev.greenlight.server.promotions;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.greenlight.server.approvals.PromotionRequesters;
import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/** Tells approvals who asked for a promotion still under way, so that they cannot approve it themselves. */
@Component
class OpenPromotionRequesters implements PromotionRequesters {
    private final PromotionRepository repository;

    OpenPromotionRequesters(PromotionRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean requestedPromotion(Release release, Environment environment, UUID principalId) {
        return repository.requestedOpen(release.id(), environment.id(), principalId);
    }
}

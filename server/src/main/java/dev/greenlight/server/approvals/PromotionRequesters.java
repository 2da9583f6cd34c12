package dev.greenlight.server.approvals;

import java.util.UUID;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/**
 * Separation of duties with promotions: whoever asked to promote a release into an environment must not approve that
 * promotion too. Promotions do not exist yet; the feature that adds them implements this port, and approvals refuse
 * such a requester from then on. Until then nobody is a promotion requester.
 */
public interface PromotionRequesters {

    /** Whether the principal has requested a promotion of the release into the environment that is still open. */
    boolean requestedPromotion(Release release, Environment environment, UUID principalId);
}

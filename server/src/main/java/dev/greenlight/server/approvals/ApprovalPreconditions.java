package dev.greenlight.server.approvals;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/**
 * What must hold before anyone may approve a release for an environment: its gate has no blocker left that a waiver
 * does not cover. Implemented by the gates feature, which evaluates gates; approvals ask through this port so that they
 * do not depend on how gates are evaluated.
 */
public interface ApprovalPreconditions {

    /** Throws a {@link dev.greenlight.server.platform.GreenlightException} (409 for the API) while blockers remain. */
    void requireNoBlockers(Release release, Environment environment);
}

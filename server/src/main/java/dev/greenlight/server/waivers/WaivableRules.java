package dev.greenlight.server.waivers;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.releases.Release;

/**
 * Knows which rules the gate of an environment applies, so that a waiver can only name one of them. Implemented by
 * the gates feature, which owns policy packs and gate settings; waivers ask through this port so that they do not
 * depend on how gates are configured.
 */
public interface WaivableRules {

    /** Throws a {@link dev.greenlight.server.platform.GreenlightException} (for the API) when the gate has no such rule. */
    void requireRule(Release release, Environment environment, String rule);
}

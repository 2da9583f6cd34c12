package dev.greenlight.policy;

import java.util.Locale;

/** How much a failing rule matters: a blocker stops the release, a warning only lowers its readiness score. */
public enum Severity {
    BLOCKER, WARNING;

    /** The name in pack YAML and on the wire: {@code blocker} or {@code warning}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

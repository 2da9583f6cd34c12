package dev.greenlight.server.health;

/** What one analysis concluded. Only {@link #PASS} lets a canary go on. */
public enum AnalysisOutcome {
    PASS,
    FAIL,
    /** Not enough data to tell; never a reason to promote. */
    INCONCLUSIVE
}

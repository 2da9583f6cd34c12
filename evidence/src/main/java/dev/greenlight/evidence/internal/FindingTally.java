package dev.greenlight.evidence.internal;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;
import dev.greenlight.evidence.facts.SeverityCounts;

/**
 * Counts vulnerability findings by severity, and those with a fix, as a parser reads them: every finding of the file,
 * whether the listing still has room for it or not. Memory is two arrays, whatever the number of findings.
 */
public final class FindingTally {
    private final long[] all = new long[Severity.values().length];
    private final long[] fixable = new long[Severity.values().length];

    public void add(Finding finding) {
        add(finding.severity(), 1, finding.hasFix() ? 1 : 0);
    }

    /** Adds {@code findings} findings of one severity, {@code withFix} of which have a fix. */
    public void add(Severity severity, long findings, long withFix) {
        if (findings < 0 || withFix < 0 || withFix > findings) {
            throw new IllegalArgumentException("findings " + findings + ", with a fix " + withFix);
        }
        all[severity.ordinal()] += findings;
        fixable[severity.ordinal()] += withFix;
    }

    /** Adds counts made elsewhere ({@code fixable} being those of {@code bySeverity} with a fix). */
    public void add(SeverityCounts bySeverity, SeverityCounts withFix) {
        for (Severity severity : Severity.values()) {
            all[severity.ordinal()] += bySeverity.count(severity);
            fixable[severity.ordinal()] += withFix.count(severity);
        }
    }

    public SeverityCounts bySeverity() {
        return SeverityCounts.fromOrdinals(all);
    }

    public SeverityCounts fixable() {
        return SeverityCounts.fromOrdinals(fixable);
    }

    /** Whether a finding with a fix is in a fixed version ({@link Finding#hasFix()}), for counting before one is built. */
    public static boolean isFix(@Nullable String fixedVersion) {
        return fixedVersion != null && !fixedVersion.isBlank();
    }
}

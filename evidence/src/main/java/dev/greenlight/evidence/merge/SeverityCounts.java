package dev.greenlight.evidence.merge;

import java.util.Collection;
import java.util.Map;

import dev.greenlight.evidence.facts.Finding;
import dev.greenlight.evidence.facts.Severity;

/** Findings counted by severity, every severity present (zero included) so policies can compare without a default. */
final class SeverityCounts {
    private SeverityCounts() {
    }

    static Map<String, Object> of(Collection<Finding> findings) {
        long[] counts = new long[Severity.values().length];
        findings.forEach(finding -> counts[finding.severity().ordinal()]++);
        MergedMap bySeverity = MergedMap.create();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.wireName(), counts[severity.ordinal()]);
        }
        return bySeverity.build();
    }
}

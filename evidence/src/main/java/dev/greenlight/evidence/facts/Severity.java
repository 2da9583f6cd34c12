package dev.greenlight.evidence.facts;

import java.util.Locale;

/** Vulnerability and security-finding severities, normalised across scanners (Trivy, Grype, SARIF, CycloneDX). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a scanner's severity word leniently ("Critical", "HIGH", "moderate"...); anything else is UNKNOWN. */
    public static Severity parse(@org.jspecify.annotations.Nullable String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> CRITICAL;
            case "high", "important" -> HIGH;
            case "medium", "moderate" -> MEDIUM;
            case "low" -> LOW;
            case "negligible", "info", "informational", "none" -> NEGLIGIBLE;
            default -> UNKNOWN;
        };
    }

    /** SARIF's {@code security-severity} score (CVSS-like 0.0–10.0) mapped as GitHub does: ≥9 critical, ≥7 high, ≥4 medium, >0 low. */
    public static Severity fromScore(double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0.0 ? LOW : NEGLIGIBLE;
    }
}

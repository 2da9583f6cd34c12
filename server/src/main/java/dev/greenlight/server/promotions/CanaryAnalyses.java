package dev.greenlight.server.promotions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.greenlight.server.health.AnalysisOutcome;
import dev.greenlight.server.health.AnalysisResult;
import dev.greenlight.server.health.CanaryAnalysis;
import dev.greenlight.server.health.HealthSample;
import dev.greenlight.server.health.HealthSourceUnavailable;
import dev.greenlight.server.health.VersionHealth;
import dev.greenlight.server.projects.Environment;

/**
 * One analysis of a canary step: the canary's and the baseline's traffic over the last analysis window (never
 * reaching back before the step started), compared. A source that is missing or unreachable makes it inconclusive,
 * which never promotes.
 */
@Component
class CanaryAnalyses {
    private final VersionHealth health;
    private final PromotionContext context;

    CanaryAnalyses(VersionHealth health, PromotionContext context) {
        this.health = health;
        this.context = context;
    }

    AnalysisResult analyse(Promotion promotion, Instant stepStarted, Instant now) {
        Instant windowStart = now.minus(promotion.analysis().window());
        Instant from = windowStart.isAfter(stepStarted) ? windowStart : stepStarted;
        Environment environment = context.subjects(promotion).environment();
        if (!health.configured(environment)) {
            return new AnalysisResult(AnalysisOutcome.INCONCLUSIVE,
                    List.of("environment '" + promotion.environment() + "' has no health source"), null, null);
        }
        try {
            HealthSample canary = health.sample(environment, promotion.version(), from, now).orElse(null);
            String baselineVersion = promotion.baselineVersion();
            HealthSample baseline = baselineVersion == null ? null : health.sample(environment, baselineVersion, from, now).orElse(null);
            return CanaryAnalysis.compare(baseline, canary, promotion.analysis().criteria(), baselineVersion == null);
        } catch (HealthSourceUnavailable e) {
            return new AnalysisResult(AnalysisOutcome.INCONCLUSIVE, List.of("the health source failed: " + e.getMessage()), null, null);
        }
    }

    /** The analysis as ledger entries and views show it; rates are decimal strings (the ledger's JSON has no fractions). */
    static Map<String, Object> describe(AnalysisResult result, Instant at) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        described.put("reasons", result.reasons());
        described.put("at", at.toString());
        Optional.ofNullable(sample(result.canary())).ifPresent(sample -> described.put("canary", sample));
        Optional.ofNullable(sample(result.baseline())).ifPresent(sample -> described.put("baseline", sample));
        return described;
    }

    private static @Nullable Map<String, Object> sample(@Nullable HealthSample sample) {
        if (sample == null) {
            return null;
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("requests", sample.requests());
        described.put("errors", sample.errors());
        described.put("errorRate", String.format(Locale.ROOT, "%.6f", sample.errorRate()));
        if (sample.latencyP95Millis() != null) {
            described.put("latencyP95Ms", String.format(Locale.ROOT, "%.3f", sample.latencyP95Millis()));
        }
        return described;
    }
}

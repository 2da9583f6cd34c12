package dev.greenlight.server.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Compares a canary's sample with the baseline's (the version it replaces). Too little data on the canary's side is
 * inconclusive; so is too little on the baseline's, except that the absolute error-rate ceiling still fails a canary
 * on its own. Without any baseline (a first deployment) only the absolute ceiling applies.
 */
public final class CanaryAnalysis {
    private CanaryAnalysis() {
    }

    public static AnalysisResult compare(@Nullable HealthSample baseline, @Nullable HealthSample canary, AnalysisCriteria criteria,
            boolean firstDeployment) {
        if (canary == null || canary.requests() < criteria.minRequests()) {
            // No sample is "no data", which is not the same as a sample of zero requests; the reason says which.
            String seen = canary == null ? "there is no data for the canary" : "the canary served " + canary.requests() + " requests";
            return new AnalysisResult(AnalysisOutcome.INCONCLUSIVE,
                    List.of(seen + "; at least " + criteria.minRequests() + " requests are needed"), baseline, canary);
        }
        List<String> failures = new ArrayList<>();
        if (canary.errorRate() > criteria.maxErrorRate()) {
            failures.add("canary error rate " + percent(canary.errorRate()) + " is above the ceiling of " + percent(criteria.maxErrorRate()));
        }
        boolean baselineUsable = baseline != null && baseline.requests() >= criteria.minRequests();
        if (baselineUsable) {
            double allowedErrorRate = baseline.errorRate() * (1 + criteria.maxErrorRateIncrease());
            // A baseline without errors would allow none at all; half the ceiling keeps one unlucky request from failing it.
            allowedErrorRate = Math.max(allowedErrorRate, criteria.maxErrorRate() / 2);
            if (canary.errorRate() > allowedErrorRate) {
                failures.add("canary error rate " + percent(canary.errorRate()) + " against " + percent(baseline.errorRate())
                        + " for the baseline, more than the allowed increase of " + percent(criteria.maxErrorRateIncrease()));
            }
            if (baseline.latencyP95Millis() != null && canary.latencyP95Millis() != null
                    && canary.latencyP95Millis() > baseline.latencyP95Millis() * (1 + criteria.maxLatencyIncrease())) {
                failures.add(String.format(Locale.ROOT, "canary p95 latency %.1f ms against %.1f ms for the baseline, more than the allowed increase of %s",
                        canary.latencyP95Millis(), baseline.latencyP95Millis(), percent(criteria.maxLatencyIncrease())));
            }
        }
        if (!failures.isEmpty()) {
            return new AnalysisResult(AnalysisOutcome.FAIL, failures, baseline, canary);
        }
        if (!baselineUsable && !firstDeployment) {
            String seen = baseline == null ? "there is no data for the baseline" : "the baseline served " + baseline.requests() + " requests";
            return new AnalysisResult(AnalysisOutcome.INCONCLUSIVE,
                    List.of(seen + "; at least " + criteria.minRequests() + " requests are needed to compare"), baseline, canary);
        }
        return new AnalysisResult(AnalysisOutcome.PASS, List.of(baselineUsable
                ? "canary error rate " + percent(canary.errorRate()) + " against " + percent(baseline.errorRate()) + " for the baseline, within limits"
                : "first deployment: canary error rate " + percent(canary.errorRate()) + " is under the ceiling"), baseline, canary);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }
}

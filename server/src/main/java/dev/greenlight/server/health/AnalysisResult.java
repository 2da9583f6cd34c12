package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One analysis with its reasons, and the samples it compared (either may be missing). */
public record AnalysisResult(AnalysisOutcome outcome, List<String> reasons, @Nullable HealthSample baseline, @Nullable HealthSample canary) {
    public AnalysisResult {
        requireNonNull(outcome, "outcome is null");
        reasons = List.copyOf(requireNonNull(reasons, "reasons is null"));
    }
}

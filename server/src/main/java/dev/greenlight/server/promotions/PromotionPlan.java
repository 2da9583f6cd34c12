package dev.greenlight.server.promotions;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.health.AnalysisCriteria;

/**
 * A promotion request as the API takes it, checked into a plan: strategy, traffic steps (rising, ending at 100), how
 * long each step runs, how it is analysed, and an optional freeze override with its reason.
 */
record PromotionPlan(String release, String environment, PromotionStrategy strategy, List<Integer> steps, Duration stepInterval,
        Duration deployTimeout, AnalysisSettings analysis, @Nullable String freezeOverride) {
    static final List<Integer> DEFAULT_CANARY_STEPS = List.of(1, 5, 25, 100);
    static final Duration DEFAULT_STEP_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_STEPS = 10;
    private static final int MAX_REASON = 1000;

    /** The request body of {@code POST /api/v1/projects/{project}/promotions}. */
    record Request(@Nullable String release, @Nullable String environment, @Nullable String strategy, @Nullable List<Integer> steps,
            @Nullable String stepInterval, @Nullable Analysis analysis, @Nullable Override freezeOverride, @Nullable String deployTimeout) {
    }

    record Analysis(@Nullable String interval, @Nullable String window, @Nullable String maxWait, @Nullable Double maxErrorRateIncrease,
            @Nullable Double maxLatencyIncrease, @Nullable Double maxErrorRate, @Nullable Long minRequests) {
    }

    record Override(@Nullable String reason) {
    }

    static PromotionPlan of(@Nullable Request request) {
        if (request == null) {
            throw new dev.greenlight.server.platform.GreenlightException(dev.greenlight.server.platform.ProblemKind.MALFORMED_BODY,
                    "The request body is missing or is not valid JSON.");
        }
        FieldChecks checks = new FieldChecks();
        if (request.release() == null || request.release().isBlank()) {
            checks.fail("release", "must name the release's version");
        }
        if (request.environment() == null || request.environment().isBlank()) {
            checks.fail("environment", "must name an environment of the project");
        }
        PromotionStrategy strategy = PromotionStrategy.CANARY;
        if (request.strategy() != null) {
            try {
                strategy = PromotionStrategy.valueOf(request.strategy().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                checks.fail("strategy", "must be direct or canary");
            }
        }
        List<Integer> steps = steps(checks, strategy, request.steps());
        Duration stepInterval = checks.duration("stepInterval", request.stepInterval(), DEFAULT_STEP_INTERVAL, Duration.ofSeconds(1), Duration.ofDays(1));
        Duration deployTimeout = checks.duration("deployTimeout", request.deployTimeout(), DEFAULT_DEPLOY_TIMEOUT, Duration.ofSeconds(1), Duration.ofDays(1));
        Analysis analysis = request.analysis() == null ? new Analysis(null, null, null, null, null, null, null) : request.analysis();
        Duration interval = checks.duration("analysis.interval", analysis.interval(), AnalysisSettings.DEFAULT_INTERVAL, Duration.ofSeconds(1),
                Duration.ofHours(1));
        Duration window = checks.duration("analysis.window", analysis.window(), AnalysisSettings.DEFAULT_WINDOW, Duration.ofSeconds(1), Duration.ofDays(1));
        Duration maxWait = checks.duration("analysis.maxWait", analysis.maxWait(), AnalysisSettings.DEFAULT_MAX_WAIT, Duration.ZERO, Duration.ofDays(1));
        double errorRateIncrease = checks.fraction("analysis.maxErrorRateIncrease", analysis.maxErrorRateIncrease(),
                AnalysisCriteria.DEFAULTS.maxErrorRateIncrease(), 100);
        double latencyIncrease = checks.fraction("analysis.maxLatencyIncrease", analysis.maxLatencyIncrease(),
                AnalysisCriteria.DEFAULTS.maxLatencyIncrease(), 100);
        double errorRate = checks.fraction("analysis.maxErrorRate", analysis.maxErrorRate(), AnalysisCriteria.DEFAULTS.maxErrorRate(), 1);
        long minRequests = AnalysisCriteria.DEFAULTS.minRequests();
        if (analysis.minRequests() != null) {
            if (analysis.minRequests() < 1 || analysis.minRequests() > 1_000_000_000L) {
                checks.fail("analysis.minRequests", "must be between 1 and 1000000000");
            } else {
                minRequests = analysis.minRequests();
            }
        }
        String override = null;
        if (request.freezeOverride() != null) {
            String reason = request.freezeOverride().reason();
            if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
                checks.fail("freezeOverride.reason", "must say why the freeze is overridden (1 to " + MAX_REASON + " characters)");
            } else {
                override = reason.strip();
            }
        }
        checks.throwIfAny();
        return new PromotionPlan(request.release().strip(), request.environment().strip(), strategy, steps, stepInterval, deployTimeout,
                new AnalysisSettings(interval, window, maxWait, new AnalysisCriteria(errorRateIncrease, latencyIncrease, errorRate, minRequests)),
                override);
    }

    private static List<Integer> steps(FieldChecks checks, PromotionStrategy strategy, @Nullable List<Integer> requested) {
        if (strategy == PromotionStrategy.DIRECT) {
            if (requested != null && !requested.equals(List.of(100))) {
                checks.fail("steps", "a direct promotion has the one step [100]");
            }
            return List.of(100);
        }
        if (requested == null) {
            return DEFAULT_CANARY_STEPS;
        }
        if (requested.isEmpty() || requested.size() > MAX_STEPS || requested.getLast() == null || requested.getLast() != 100) {
            checks.fail("steps", "must hold 1 to " + MAX_STEPS + " percentages ending with 100");
            return DEFAULT_CANARY_STEPS;
        }
        for (int i = 0; i < requested.size(); i++) {
            Integer step = requested.get(i);
            if (step == null || step < 1 || step > 100 || (i > 0 && step <= requested.get(i - 1))) {
                checks.fail("steps", "must rise strictly, each between 1 and 100");
                return DEFAULT_CANARY_STEPS;
            }
        }
        return List.copyOf(requested);
    }
}

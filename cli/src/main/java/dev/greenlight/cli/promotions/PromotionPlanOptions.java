package dev.greenlight.cli.promotions;

import dev.greenlight.cli.failure.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a promotion should go, as options: what the user leaves out is left out of the request too, so the server's
 * defaults (canary, 1,5,25,100 %, 5m steps, its analysis limits) apply and are documented in one place.
 */
final class PromotionPlanOptions {
    /** As many steps as the server accepts. */
    static final int MAX_STEPS = 10;

    @Option(names = "--strategy", paramLabel = "STRATEGY",
            description = "canary (default: rising traffic steps, each analysed) or direct (one step at 100%%).")
    private @Nullable PromotionStrategy strategy;

    @Option(names = "--steps", split = ",", paramLabel = "PERCENT", description = "A canary's traffic steps in percent, rising, ending "
            + "with 100 (default: 1,5,25,100).")
    private @Nullable List<Integer> steps;

    @Option(names = "--step-interval", paramLabel = "DURATION", converter = DurationArgument.Converter.class,
            description = "How long each canary step runs before the next (default: 5m).")
    private @Nullable Duration stepInterval;

    @Option(names = "--deploy-timeout", paramLabel = "DURATION", converter = DurationArgument.Converter.class,
            description = "How long an external deployer may stay silent about a step before it is taken back (default: 30m).")
    private @Nullable Duration deployTimeout;

    @Option(names = "--analysis-interval", paramLabel = "DURATION", converter = DurationArgument.Converter.class,
            description = "How often a canary step is analysed (default: 30s).")
    private @Nullable Duration analysisInterval;

    @Option(names = "--analysis-window", paramLabel = "DURATION", converter = DurationArgument.Converter.class,
            description = "How much recent traffic each analysis compares (default: 5m).")
    private @Nullable Duration analysisWindow;

    @Option(names = "--max-wait", paramLabel = "DURATION", converter = DurationArgument.Converter.class,
            description = "How long a step may stay without a passing analysis before it is rolled back (default: 15m).")
    private @Nullable Duration maxWait;

    @Option(names = "--min-requests", paramLabel = "N",
            description = "Requests needed on each side before an analysis concludes anything (default: 100).")
    private @Nullable Long minRequests;

    @Option(names = "--max-error-rate", paramLabel = "FRACTION",
            description = "The canary's highest error rate, 0 to 1, whatever the baseline does (default: 0.05).")
    private @Nullable Double maxErrorRate;

    @Option(names = "--max-error-rate-increase", paramLabel = "FRACTION",
            description = "How much more errors than the baseline the canary may have, relative: 0.5 allows 50%% more (default: 0.5).")
    private @Nullable Double maxErrorRateIncrease;

    @Option(names = "--max-latency-increase", paramLabel = "FRACTION",
            description = "How much slower (p95) than the baseline the canary may be, relative (default: 0.5).")
    private @Nullable Double maxLatencyIncrease;

    /** The body of {@code POST …/promotions}. */
    ObjectNode request(String release, String environment, @Nullable String freezeOverride) {
        validate();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("release", release).put("environment", environment);
        if (strategy != null) {
            body.put("strategy", strategy.wireName());
        }
        if (steps != null) {
            ArrayNode array = body.putArray("steps");
            steps.forEach(array::add);
        }
        putDuration(body, "deployTimeout", deployTimeout);
        if (stepInterval != null) {
            body.put("stepInterval", stepInterval.toString());
        }
        ObjectNode analysis = JsonNodeFactory.instance.objectNode();
        putDuration(analysis, "interval", analysisInterval);
        putDuration(analysis, "window", analysisWindow);
        putDuration(analysis, "maxWait", maxWait);
        if (maxErrorRateIncrease != null) {
            analysis.put("maxErrorRateIncrease", maxErrorRateIncrease);
        }
        if (maxLatencyIncrease != null) {
            analysis.put("maxLatencyIncrease", maxLatencyIncrease);
        }
        if (maxErrorRate != null) {
            analysis.put("maxErrorRate", maxErrorRate);
        }
        if (minRequests != null) {
            analysis.put("minRequests", minRequests);
        }
        if (!analysis.isEmpty()) {
            body.set("analysis", analysis);
        }
        if (freezeOverride != null) {
            body.putObject("freezeOverride").put("reason", freezeOverride);
        }
        return body;
    }

    /** The shape of the steps is checked here, so a typo fails before anything is asked; the limits are the server's. */
    private void validate() {
        if (steps == null) {
            return;
        }
        if (strategy == PromotionStrategy.DIRECT && !steps.equals(List.of(100))) {
            throw new InvalidInputException("A direct promotion has one step, 100%: leave out --steps, or use --strategy canary.");
        }
        boolean rising = !steps.isEmpty() && steps.size() <= MAX_STEPS && steps.getLast() == 100;
        for (int i = 0; rising && i < steps.size(); i++) {
            int step = steps.get(i);
            rising = step >= 1 && step <= 100 && (i == 0 || step > steps.get(i - 1));
        }
        if (!rising) {
            throw new InvalidInputException("--steps must be 1 to " + MAX_STEPS + " percentages that rise strictly and end with 100, "
                    + "e.g. 1,5,25,100; got " + steps + ".");
        }
    }

    private static void putDuration(ObjectNode node, String field, @Nullable Duration duration) {
        if (duration != null) {
            node.put(field, duration.toString());
        }
    }
}

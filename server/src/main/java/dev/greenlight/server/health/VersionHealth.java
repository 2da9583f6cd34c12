package dev.greenlight.server.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import org.springframework.stereotype.Service;

import dev.greenlight.server.projects.Environment;

/**
 * How a version fared in an environment over a window, from the environment's health source: a Prometheus server
 * or samples pushed through the API. What canary analysis compares, and what an environment's health page shows.
 */
@Service
public class VersionHealth {
    private final HealthSources sources;
    private final PrometheusQueries prometheus;
    private final PushedSamples pushed;

    VersionHealth(HealthSources sources, PrometheusQueries prometheus, PushedSamples pushed) {
        this.sources = sources;
        this.prometheus = prometheus;
        this.pushed = pushed;
    }

    /** Whether the environment has a health source at all; without one every sample is empty. */
    public boolean configured(Environment environment) {
        return sources.exists(requireNonNull(environment, "environment is null"));
    }

    /**
     * The version's traffic in the environment over [{@code from}, {@code to}]. Empty when no source is configured or
     * the source has no data for the version in that window (always so for an empty window, {@code from} equal to
     * {@code to}); that is "unknown", never zero traffic. A Prometheus
     * source is asked over the network (up to {@code greenlight.health.request-timeout}), so call this outside a
     * database transaction.
     *
     * @param version a release version (letters, digits, {@code . _ + -}, starting with a letter or digit)
     * @throws HealthSourceUnavailable when the source cannot be reached or answers something that is not a result
     * @throws IllegalArgumentException when the version is not a release version or the window ends before it starts
     */
    public Optional<HealthSample> sample(Environment environment, String version, Instant from, Instant to) {
        requireNonNull(environment, "environment is null");
        requireNonNull(version, "version is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!QueryTemplates.isReleaseVersion(version)) {
            throw new IllegalArgumentException("not a release version: " + version);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the window must not end before it starts: " + from + " to " + to);
        }
        if (from.equals(to)) {
            // A canary step analysed the instant it started: nothing can have been served yet.
            return Optional.empty();
        }
        return sources.of(environment).flatMap(configured -> switch (configured.source()) {
            case HealthSource.Pushed source -> pushed.sum(environment, version, from, to);
            case HealthSource.Prometheus source -> fromPrometheus(source, version, from, to);
        });
    }

    private Optional<HealthSample> fromPrometheus(HealthSource.Prometheus source, String version, Instant from, Instant to) {
        Duration window = Duration.between(from, to);
        QueryTemplates queries = source.queries();
        PrometheusQueries.Pending requests = prometheus.start(source, "requests", QueryTemplates.render(queries.requests(), version, window), to);
        PrometheusQueries.Pending errors = prometheus.start(source, "errors", QueryTemplates.render(queries.errors(), version, window), to);
        PrometheusQueries.Pending latency = queries.latencyP95() == null ? null
                : prometheus.start(source, "latencyP95", QueryTemplates.render(queries.latencyP95(), version, window), to);
        try {
            OptionalDouble requestCount = requests.answer();
            OptionalDouble errorCount = errors.answer();
            OptionalDouble latencySeconds = latency == null ? OptionalDouble.empty() : latency.answer();
            if (requestCount.isEmpty()) {
                return Optional.empty();
            }
            long served = count(source, "requests", requestCount.getAsDouble());
            // An error counter that never moved often has no series at all (no 5xx yet): no errors, not no data.
            long failed = errorCount.isEmpty() ? 0 : count(source, "errors", errorCount.getAsDouble());
            // increase() extrapolates each series on its own, so a version failing nearly everything can come out
            // with a few more errors than requests; the sample means "all failed" then.
            failed = Math.min(failed, served);
            Double latencyMillis = null;
            if (latencySeconds.isPresent()) {
                latencyMillis = nonNegative(source, "latencyP95", latencySeconds.getAsDouble()) * 1000;
            }
            return Optional.of(new HealthSample(served, failed, latencyMillis));
        } finally {
            requests.cancel();
            errors.cancel();
            if (latency != null) {
                latency.cancel();
            }
        }
    }

    /** A count from increase() is fractional (extrapolated); the nearest whole request is what the sample says. */
    private static long count(HealthSource.Prometheus source, String what, double value) {
        return Math.round(nonNegative(source, what, value));
    }

    private static double nonNegative(HealthSource.Prometheus source, String what, double value) {
        if (!Double.isFinite(value) || value < 0 || value > Long.MAX_VALUE / 2.0) {
            throw new HealthSourceUnavailable("Prometheus at " + source.host() + " answered the " + what
                    + " query with " + value + ", which is not a usable non-negative number.");
        }
        return value;
    }
}

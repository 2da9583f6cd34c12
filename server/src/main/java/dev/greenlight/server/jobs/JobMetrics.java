package dev.greenlight.server.jobs;

import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long jobs run and how often they fail, per kind: {@code greenlight_job_duration_seconds} (a histogram, tagged
 * {@code outcome=success|failure}) and {@code greenlight_job_failures_total}, which counts failed attempts (a job
 * that succeeds on its third attempt counts two).
 */
@Component
class JobMetrics {
    static final String DURATION = "greenlight.job.duration";
    static final String FAILURES = "greenlight.job.failures";

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Creates the kind's failure counter at zero, so that a rate over it exists before the first failure. */
    void register(String kind) {
        failures(kind);
    }

    void succeeded(String kind, Duration took) {
        duration(kind, "success").record(took);
    }

    void failed(String kind, Duration took) {
        duration(kind, "failure").record(took);
        failures(kind).increment();
    }

    private Timer duration(String kind, String outcome) {
        return Timer.builder(DURATION)
                .description("How long one attempt of a job ran, by kind and outcome")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter failures(String kind) {
        return Counter.builder(FAILURES)
                .description("Failed job attempts, by kind; each is retried or dead-lettered")
                .tag("kind", kind)
                .register(registry);
    }
}

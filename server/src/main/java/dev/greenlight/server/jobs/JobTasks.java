package dev.greenlight.server.jobs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The task of every {@link JobHandler} bean, by kind. Handlers are looked up on first use rather than injected: a
 * handler usually enqueues jobs itself (the next step of a promotion), so it depends on the queue, which depends on
 * this; resolving them late keeps that from being a cycle.
 */
@Component
class JobTasks {
    /** Kinds name Prometheus series and log lines: short, no spaces, no surprises. */
    static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ObjectProvider<JobHandler> handlers;
    private final JobFailures failures;
    private final JobMetrics metrics;
    private volatile @Nullable Map<String, HandlerTask> byKind;

    JobTasks(ObjectProvider<JobHandler> handlers, JobFailures failures, JobMetrics metrics) {
        this.handlers = handlers;
        this.failures = failures;
        this.metrics = metrics;
    }

    List<HandlerTask> all() {
        return List.copyOf(byKind().values());
    }

    Optional<HandlerTask> find(String kind) {
        return Optional.ofNullable(byKind().get(kind));
    }

    private Map<String, HandlerTask> byKind() {
        Map<String, HandlerTask> known = byKind;
        if (known == null) {
            synchronized (this) {
                known = byKind;
                if (known == null) {
                    known = collect();
                    byKind = known;
                }
            }
        }
        return known;
    }

    private Map<String, HandlerTask> collect() {
        Map<String, HandlerTask> tasks = new LinkedHashMap<>();
        handlers.orderedStream().forEach(handler -> {
            String kind = handler.kind();
            if (kind == null || !KIND.matcher(kind).matches()) {
                throw new IllegalStateException(handler.getClass().getName() + " handles kind '" + kind
                        + "'; a kind is 1-100 lower-case letters, digits, '.', '_' or '-'");
            }
            if (handler.maxAttempts() < 1) {
                throw new IllegalStateException(handler.getClass().getName() + " allows " + handler.maxAttempts() + " attempts; at least 1");
            }
            HandlerTask previous = tasks.putIfAbsent(kind, new HandlerTask(handler, failures, metrics));
            if (previous != null) {
                throw new IllegalStateException("two handlers for job kind '" + kind + "': " + previous.handler().getClass().getName()
                        + " and " + handler.getClass().getName());
            }
            metrics.register(kind);
        });
        return Map.copyOf(tasks);
    }
}

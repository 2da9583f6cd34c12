package dev.greenlight.server.jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What waits: {@code greenlight_jobs_pending} (jobs scheduled, due or not, on every node) and
 * {@code greenlight_jobs_dead_letters} (dead letters not replayed yet) — the two figures to alert on when the queue
 * falls behind or work keeps failing. Read from the database at each scrape, so every node reports the same.
 */
@Component
class JobBacklogMetrics {
    static final String PENDING = "greenlight.jobs.pending";
    static final String DEAD_LETTERS = "greenlight.jobs.dead.letters";

    JobBacklogMetrics(MeterRegistry registry, JdbcClient jdbc) {
        Gauge.builder(PENDING, jdbc, db -> db.sql("select count(*) from scheduled_tasks").query(Long.class).single())
                .description("Jobs scheduled and not finished, due or not")
                .register(registry);
        Gauge.builder(DEAD_LETTERS, jdbc, db -> db.sql("select count(*) from job_dead_letters where replayed_at is null").query(Long.class).single())
                .description("Jobs that failed every attempt and were not replayed")
                .register(registry);
    }
}

package dev.greenlight.server.jobs;

import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.testing.IntegrationTest;

/**
 * Base of the job tests: the application with the {@link TestJobs} handlers, one worker thread (so that a test
 * controls what runs and in which order), a 100 ms polling interval and retries after at most 50, 100, 200 ms.
 * Every class that extends this shares one application.
 */
@ActiveProfiles(JobsIntegrationTest.PROFILE)
@Import(TestJobs.class)
@TestPropertySource(properties = {
        "greenlight.jobs.threads=1",
        "greenlight.jobs.polling-interval=100ms",
        "greenlight.jobs.retry-base=50ms",
        "greenlight.jobs.retry-max-delay=200ms"})
abstract class JobsIntegrationTest extends IntegrationTest {
    static final String PROFILE = "jobs-test";

    @Autowired
    JobQueue queue;
    @Autowired
    TestJobs.Runs runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    UUID defaultWorkspace() {
        return jdbc.sql("select id from workspaces where slug = 'default'").query(UUID.class).single();
    }

    /** Whether db-scheduler still holds a job of that kind and key (pending or running). */
    boolean scheduled(String kind, String key) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_name = :kind and task_instance = :key")
                .param("kind", kind).param("key", key).query(Long.class).single() > 0;
    }

    static JobRequest now(String kind, String key, String payload, JobPriority priority, UUID workspace) {
        return new JobRequest(kind, key, payload, priority, Instant.now(), workspace);
    }
}

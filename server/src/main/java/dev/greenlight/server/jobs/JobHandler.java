package dev.greenlight.server.jobs;

/**
 * Runs the jobs of one kind. Throwing means "try again later": the queue retries with exponential backoff and
 * jitter up to the handler's maximum of attempts, then moves the job to the dead-letter table. A handler is called
 * at least once per job (again after a crash), so its effects must be idempotent: calls to the outside carry
 * {@link JobContext#idempotencyKey()}.
 */
public interface JobHandler {

    /** The kind this handler runs, such as {@code promotion.advance}. */
    String kind();

    void run(JobContext job) throws Exception;

    /** How often to try before giving up; the first run counts. */
    default int maxAttempts() {
        return 8;
    }
}

package dev.greenlight.server.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;

import dev.greenlight.server.platform.Ids;

/**
 * Decides what happens to a failed attempt: another attempt after a backoff with jitter, or, once the handler's
 * attempts are used up, the dead-letter table. Moving a job there deletes its execution and inserts the dead letter
 * in one transaction, so it is in exactly one of the two places whatever fails in between. Log lines name the kind,
 * key, attempt and exception, never the payload, which can hold a URL with a token.
 */
@Component
class JobFailures {
    private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

    private final RetryDelays delays;
    private final DeadLetterRepository deadLetters;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    JobFailures(JobsProperties properties, DeadLetterRepository deadLetters, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.delays = RetryDelays.of(properties);
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        // Worker threads run no transaction of their own; a new one makes that explicit.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The handler threw: retry later, or give up. */
    void failed(JobHandler handler, ExecutionComplete complete, ExecutionOperations<JobData> operations) {
        Execution execution = complete.getExecution();
        int attempt = execution.consecutiveFailures + 1;
        String error = FailureText.of(complete.getCause().orElse(null));
        if (attempt >= handler.maxAttempts()) {
            UUID id = bury(execution, attempt, error);
            log.error("job {} {} failed on attempt {} of {}, the last: {}; moved to the dead letters as {}", execution.taskInstance.getTaskName(),
                    execution.taskInstance.getId(), attempt, handler.maxAttempts(), error, id);
        } else {
            Duration delay = delays.after(attempt);
            operations.reschedule(complete, complete.getTimeDone().plus(delay));
            log.warn("job {} {} failed on attempt {} of {}: {}; next attempt in {} ms", execution.taskInstance.getTaskName(),
                    execution.taskInstance.getId(), attempt, handler.maxAttempts(), error, delay.toMillis());
        }
        complete.getCause().ifPresent(cause -> log.debug("job {} {} attempt {} failed with", execution.taskInstance.getTaskName(),
                execution.taskInstance.getId(), attempt, FailureText.traceOf(cause)));
    }

    /**
     * The node that ran the job stopped sending heartbeats. The attempt counts as failed; the job runs again at once
     * (nothing suggests that waiting helps), or goes to the dead letters if that was its last attempt, so that a job
     * that brings its node down cannot do so forever.
     */
    void lost(JobHandler handler, ExecutionComplete complete, ExecutionOperations<JobData> operations) {
        Execution execution = complete.getExecution();
        int attempt = execution.consecutiveFailures + 1;
        if (attempt >= handler.maxAttempts()) {
            UUID id = bury(execution, attempt, FailureText.nodeLost());
            log.error("job {} {} was lost with its node on attempt {} of {}, the last; moved to the dead letters as {}",
                    execution.taskInstance.getTaskName(), execution.taskInstance.getId(), attempt, handler.maxAttempts(), id);
        } else {
            operations.reschedule(complete, Instant.now());
            log.warn("job {} {} was lost with its node on attempt {} of {}; running it again", execution.taskInstance.getTaskName(),
                    execution.taskInstance.getId(), attempt, handler.maxAttempts());
        }
    }

    /** Moves the execution to the dead letters; returns the dead letter's id. */
    private UUID bury(Execution execution, int attempts, String error) {
        @Nullable JobData data = readableData(execution);
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        DeadLetter letter = new DeadLetter(id, data == null ? null : data.workspaceId(), execution.taskInstance.getTaskName(),
                execution.taskInstance.getId(), data == null ? "" : data.payload(), data == null ? JobPriority.DEFAULT : data.priority(),
                attempts, error, data == null ? now : data.enqueuedAt(), now, null);
        transactions.executeWithoutResult(status -> {
            deadLetters.insert(letter);
            // The version check is db-scheduler's own optimistic lock: if the row changed since this attempt picked it,
            // someone else owns it now and nothing may be buried.
            int deleted = jdbc.sql("delete from scheduled_tasks where task_name = :kind and task_instance = :key and version = :version")
                    .param("kind", execution.taskInstance.getTaskName()).param("key", execution.taskInstance.getId())
                    .param("version", execution.version)
                    .update();
            if (deleted != 1) {
                throw new IllegalStateException("job " + execution.taskInstance.getTaskName() + " " + execution.taskInstance.getId()
                        + " changed while it was being moved to the dead letters; it stays scheduled");
            }
        });
        return id;
    }

    private static @Nullable JobData readableData(Execution execution) {
        try {
            return (JobData) execution.taskInstance.getData();
        } catch (RuntimeException unreadable) {
            // Kept as a dead letter anyway, without a payload: it cannot be replayed, but it is not lost silently.
            return null;
        }
    }
}

package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.Priority;

/**
 * The {@link JobQueue}: a row in db-scheduler's {@code scheduled_tasks}, written in the caller's transaction (or a
 * transaction of its own when there is none), keyed by kind and key.
 */
@Service
class DatabaseJobQueue implements JobQueue {
    private final JobTasks tasks;
    private final JobScheduler scheduler;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DatabaseJobQueue(JobTasks tasks, JobScheduler scheduler, JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        // Joins the caller's transaction (the default propagation, REQUIRED), which is the point of the queue.
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void enqueue(JobRequest request) {
        requireNonNull(request, "request is null");
        HandlerTask task = tasks.find(request.kind()).orElseThrow(() -> new IllegalArgumentException(
                "no JobHandler handles job kind '" + request.kind() + "'"));
        JobData data = new JobData(request.payload(), request.workspaceId(), request.priority(), clock.instant());
        transactions.executeWithoutResult(status -> {
            // db-scheduler checks for the key and then inserts. Two transactions enqueuing the same key would both
            // find nothing, and the second insert's duplicate-key error would abort its caller's whole transaction.
            // This lock, held until commit, makes the second wait and then find the first's row.
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:kind), hashtext(:key))")
                    .param("kind", request.kind()).param("key", request.key())
                    .query().listOfRows();
            boolean created = scheduler.client().scheduleIfNotExists(task.instanceBuilder(request.key())
                    .data(data)
                    .priority(priorityOf(request.priority()))
                    .scheduledTo(request.runAt()));
            if (created && !request.runAt().isAfter(Instant.now())) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        scheduler.lookForDueJobs();
                    }
                });
            }
        });
    }

    /** db-scheduler runs higher numbers first. */
    static int priorityOf(JobPriority priority) {
        return switch (priority) {
            case CRITICAL -> Priority.HIGH;
            case DEFAULT -> Priority.MEDIUM;
            case BULK -> Priority.LOW;
        };
    }
}

package dev.greenlight.server.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * The db-scheduler task of one {@link JobHandler}: its name is the handler's kind, each execution one job (instance
 * id = the job's key). It times every attempt; failures go to {@link JobFailures}, and a successful attempt removes
 * the execution (what a one-time task does).
 */
final class HandlerTask extends OneTimeTask<JobData> {
    private final JobHandler handler;
    private final JobMetrics metrics;

    HandlerTask(JobHandler handler, JobFailures failures, JobMetrics metrics) {
        super(requireNonNull(handler, "handler is null").kind(), JobData.class,
                (complete, operations) -> failures.failed(handler, complete, operations),
                (complete, operations) -> failures.lost(handler, complete, operations),
                Priority.MEDIUM);
        this.handler = handler;
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    JobHandler handler() {
        return handler;
    }

    @Override
    public void executeOnce(TaskInstance<JobData> instance, ExecutionContext execution) {
        JobData data = instance.getData();
        if (data == null) {
            throw new IllegalStateException("the job has no stored data");
        }
        JobContext job = new JobContext(getName(), instance.getId(), data.payload(), execution.getExecution().consecutiveFailures + 1,
                data.workspaceId());
        long started = System.nanoTime();
        try {
            handler.run(job);
        } catch (RuntimeException | Error failure) {
            metrics.failed(getName(), Duration.ofNanos(System.nanoTime() - started));
            throw failure;
        } catch (Exception failure) {
            // An InterruptedException (a shutdown that stopped waiting) is a failed attempt like any other. The flag is
            // not set again: the failure is recorded on this thread next, and an interrupted thread gets no connection.
            metrics.failed(getName(), Duration.ofNanos(System.nanoTime() - started));
            throw new HandlerFailure(failure);
        }
        metrics.succeeded(getName(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Carries a checked exception of a handler through db-scheduler, which only lets unchecked ones pass. */
    static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}

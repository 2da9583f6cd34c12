package dev.greenlight.server.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Runs db-scheduler on this node: from the moment the application has started until shutdown, which lets running jobs
 * finish before the connection pool and the embedded PostgreSQL close (they are destroyed only after every
 * lifecycle bean has stopped). Also provides the client that enqueues, which works whether or not the scheduler runs.
 * <p>
 * Both reach the database through a {@link TransactionAwareDataSourceProxy}: inside a Spring transaction they use
 * that transaction's connection, so an enqueued job commits or rolls back with the caller's work.
 */
@Component
class JobScheduler implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    /**
     * Lock-and-fetch takes at most one job per free worker (upper limit = threads), so a due CRITICAL job never waits
     * in this node's queue behind BULK jobs taken earlier; below half the threads busy it looks for more at once.
     */
    private static final double UPPER_LIMIT_FRACTION_OF_THREADS = 1.0;
    private static final double LOWER_LIMIT_FRACTION_OF_THREADS = 0.5;

    private final DataSource dataSource;
    private final JobTasks tasks;
    private final JobsProperties properties;
    private volatile @Nullable SchedulerClient client;
    private volatile @Nullable Scheduler scheduler;

    JobScheduler(DataSource dataSource, JobTasks tasks, JobsProperties properties) {
        this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
        this.tasks = tasks;
        this.properties = properties;
    }

    /** Enqueues into the caller's transaction, if there is one. */
    SchedulerClient client() {
        SchedulerClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = SchedulerClient.Builder.create(dataSource, knownTasks())
                            .serializer(new JobDataSerializer())
                            .jdbcCustomization(postgres())
                            .enablePriority()
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    /** Asks this node to look for due jobs now rather than at its next poll (after a commit that enqueued one). */
    void lookForDueJobs() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    /** Starts taking jobs: after the connection pool, Flyway and the web server have started (see {@link #getPhase()}). */
    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        Scheduler started = Scheduler.create(dataSource, knownTasks())
                .serializer(new JobDataSerializer())
                .jdbcCustomization(postgres())
                .enablePriority()
                .pollUsingLockAndFetch(LOWER_LIMIT_FRACTION_OF_THREADS, UPPER_LIMIT_FRACTION_OF_THREADS)
                .threads(properties.threads())
                .executorService(workers(properties.threads()))
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .schedulerName(new SchedulerName.Fixed(nodeName()))
                // JobFailures logs each failure once, without the payload; the library would log it again.
                .failureLogging(LogLevel.OFF, false)
                .build();
        started.start();
        scheduler = started;
        log.info("job scheduler started: {} threads, polling every {} ms, kinds {}", properties.threads(),
                properties.pollingInterval().toMillis(), tasks.all().stream().map(Task::getName).sorted().toList());
    }

    /**
     * Stops taking jobs and waits up to {@code greenlight.jobs.shutdown-max-wait} for running ones, then interrupts
     * them (an interrupted attempt is retried, here or on another node). Synchronous on purpose: the context does not
     * go on to close the pool until this returns.
     */
    @Override
    public synchronized void stop() {
        Scheduler running = scheduler;
        if (running == null) {
            return;
        }
        scheduler = null;
        running.stop();
        log.info("job scheduler stopped");
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /**
     * Starts after the web server (a lower phase) has started, and stops together with its graceful shutdown and the
     * ledger sequencer (the same phase): jobs and in-flight requests drain side by side, and all of it before the pool
     * closes. Starting in the lifecycle rather than on ApplicationReadyEvent also restarts it when a paused context
     * resumes (what the Spring test framework does to cached contexts).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private List<Task<?>> knownTasks() {
        return List.copyOf(tasks.all());
    }

    /** Single-statement lock-and-fetch (UPDATE … FOR UPDATE SKIP LOCKED … RETURNING); timestamps stored in UTC. */
    private static JdbcCustomization postgres() {
        return new PostgreSqlJdbcCustomization(false, true);
    }

    private static ExecutorService workers(int threads) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> new Thread(runnable, "greenlight-job-" + number.incrementAndGet()));
    }

    /**
     * Which node picked a job (scheduled_tasks.picked_by, at most 50 characters): host, process and a random tag, so
     * that two nodes on one host, or two applications in one test JVM, differ.
     */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String shortHost = host.length() > 30 ? host.substring(0, 30) : host;
        return shortHost + "-" + ProcessHandle.current().pid() + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
    }
}

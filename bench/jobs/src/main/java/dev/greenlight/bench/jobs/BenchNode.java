package dev.greenlight.bench.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.greenlight.server.GreenlightApplication;
import dev.greenlight.server.jobs.JobQueue;

/**
 * One Greenlight application in this JVM, as an operator starts it (default job settings), with {@link BenchJobs}
 * added. The first node runs its own embedded PostgreSQL in a temporary data directory; a second node joins that
 * database, as a second server would.
 */
final class BenchNode implements AutoCloseable {
    final ConfigurableApplicationContext context;
    final JobQueue queue;
    final TransactionTemplate transactions;
    final JdbcClient jdbc;
    final BenchJobs.Seen seen;

    private BenchNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.queue = context.getBean(JobQueue.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.seen = context.getBean(BenchJobs.Seen.class);
    }

    static BenchNode start(Path dataDirectory, @Nullable String sharedDatabaseUrl) {
        List<String> arguments = new ArrayList<>(List.of(
                "--greenlight.data-dir=" + dataDirectory.toAbsolutePath(),
                "--greenlight.port=0",
                "--greenlight.management.port=0",
                "--greenlight.rate-limit.per-credential-per-minute=0",
                "--greenlight.rate-limit.per-address-per-minute=0",
                "--logging.level.root=warn",
                "--logging.level.dev.greenlight=warn",
                "--logging.level.com.github.kagkarlsson=warn"));
        if (sharedDatabaseUrl != null) {
            arguments.add("--greenlight.database.url=" + sharedDatabaseUrl);
            arguments.add("--greenlight.database.user=postgres");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GreenlightApplication.class)
                .sources(BenchJobs.class)
                .registerShutdownHook(false)
                .run(arguments.toArray(String[]::new));
        return new BenchNode(context);
    }

    String databaseUrl() {
        return context.getBean(HikariDataSource.class).getJdbcUrl();
    }

    /** Stops this node's job scheduler (the jobScheduler lifecycle bean): it still enqueues, another node runs. */
    void stopRunningJobs() {
        context.getBean("jobScheduler", SmartLifecycle.class).stop();
    }

    @Override
    public void close() {
        context.close();
    }
}

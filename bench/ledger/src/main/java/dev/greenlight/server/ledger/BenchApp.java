package dev.greenlight.server.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.GreenlightApplication;

/**
 * The whole Greenlight application started in this JVM on a benchmark data directory (its own embedded PostgreSQL
 * on 127.0.0.1, the real Ledger, Sequencer with the default 1 s checkpoint interval, and the HTTP API on a free
 * loopback port), plus the scratch logs the benchmarks write to and remove again.
 */
final class BenchApp implements AutoCloseable {
    static final String DEFAULT_WORKSPACE = "default";

    final ConfigurableApplicationContext context;
    final Path dataDirectory;
    final JdbcClient jdbc;
    final JdbcTemplate jdbcTemplate;
    final TransactionTemplate transactions;
    final Ledger ledger;
    final LedgerReader reader;
    final Sequencer sequencer;
    final UUID defaultWorkspace;
    private final List<UUID> scratch = new ArrayList<>();

    private BenchApp(ConfigurableApplicationContext context, Path dataDirectory) {
        this.context = context;
        this.dataDirectory = dataDirectory;
        this.jdbc = context.getBean(JdbcClient.class);
        this.jdbcTemplate = context.getBean(JdbcTemplate.class);
        this.transactions = context.getBean(TransactionTemplate.class);
        this.ledger = context.getBean(Ledger.class);
        this.reader = context.getBean(LedgerReader.class);
        this.sequencer = context.getBean(Sequencer.class);
        this.defaultWorkspace = jdbc.sql("select id from workspaces where slug = :slug").param("slug", DEFAULT_WORKSPACE)
                .query(UUID.class).single();
    }

    static BenchApp start(Path dataDirectory) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GreenlightApplication.class)
                .registerShutdownHook(false)
                .run("--greenlight.data-dir=" + dataDirectory.toAbsolutePath(),
                        "--greenlight.bind=127.0.0.1",
                        "--greenlight.port=0",
                        "--greenlight.management.bind=127.0.0.1",
                        "--greenlight.management.port=0",
                        "--greenlight.rate-limit.per-credential-per-minute=0",
                        "--greenlight.rate-limit.per-address-per-minute=0",
                        "--logging.level.root=warn",
                        "--logging.level.dev.greenlight=warn");
        return new BenchApp(context, dataDirectory);
    }

    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    String adminKey() {
        try {
            return Files.readString(dataDirectory.resolve("bootstrap-admin-key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the bootstrap key file is missing from " + dataDirectory, e);
        }
    }

    /** The next index of a log: the number of entries committed to it (reservations roll back with their writer). */
    long committedSize(UUID workspace) {
        return jdbc.sql("select coalesce((select next_index from ledger_sequence where workspace_id = :w), 0)")
                .param("w", workspace).query(Long.class).single();
    }

    long integratedSize(UUID workspace) {
        return jdbc.sql("select coalesce((select size from ledger_tree where workspace_id = :w), 0)")
                .param("w", workspace).query(Long.class).single();
    }

    long checkpointSize(UUID workspace) {
        return jdbc.sql("select coalesce(max(tree_size), 0) from ledger_checkpoints where workspace_id = :w")
                .param("w", workspace).query(Long.class).single();
    }

    /** A workspace row of its own for a scratch log; removed with all its ledger rows by {@link #dropScratch()}. */
    Workspace scratchWorkspace(String slug) {
        UUID id = UUID.randomUUID();
        String unique = slug + "-" + id.toString().substring(0, 8);
        jdbc.sql("insert into workspaces (id, slug, name, created_at) values (:id, :slug, :name, :now)")
                .param("id", id).param("slug", unique).param("name", "Benchmark " + unique).param("now", OffsetDateTime.now()).update();
        scratch.add(id);
        return new Workspace(id, unique);
    }

    /**
     * Removes the scratch logs, so the next stage starts from a table that holds only the main log. The sequencer is
     * stopped meanwhile so that it does not integrate a log being deleted.
     */
    void dropScratch() {
        if (scratch.isEmpty()) {
            return;
        }
        sequencer.stop();
        try {
            UUID[] ids = scratch.toArray(UUID[]::new);
            transactions.executeWithoutResult(status -> {
                for (String table : List.of("ledger_entries", "ledger_sequence", "ledger_tree", "ledger_checkpoints", "ledger_hashes",
                        "ledger_tiles", "ledger_logs")) {
                    jdbc.sql("delete from " + table + " where workspace_id = any(:ids)").param("ids", ids).update();
                }
                jdbc.sql("delete from workspaces where id = any(:ids)").param("ids", ids).update();
            });
            scratch.clear();
            // FULL: the scratch logs held far more rows than the main log; without rewriting, the next stage would
            // measure a table and indexes of the size they had, mostly empty space, instead of a log of its own size.
            jdbc.sql("vacuum (full, analyze) ledger_entries, ledger_sequence, ledger_tree, ledger_checkpoints, ledger_hashes, ledger_tiles, ledger_logs")
                    .update();
        } finally {
            sequencer.start();
        }
    }

    /** Appends one transaction's events through the in-process port, as a feature would; returns the last index. */
    long append(List<LedgerEvent> events) {
        List<Long> indexes = transactions.execute(status -> ledger.appendAll(events));
        return indexes.getLast();
    }

    @Override
    public void close() {
        try {
            dropScratch();
        } finally {
            context.close();
        }
    }

    record Workspace(UUID id, String slug) {
    }

    /** Realistic entries of about 300 bytes, from a pool so that building them costs nothing during a trial. */
    static List<LedgerEvent> eventPool(Workspace workspace, int size) {
        List<String> kinds = List.of("release.created", "environment.created", "project.updated", "role.granted", "api-key.created");
        List<LedgerEvent> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String project = "project-" + (i % 20);
            pool.add(new LedgerEvent(workspace.id(), workspace.slug(), kinds.get(i % kinds.size()), project, "ci-bot-" + (i % 5),
                    Map.of("project", project, "version", "1." + (i % 97) + "." + i, "commitSha", String.format("%016x", i * 0x9E3779B97F4A7C15L).repeat(3).substring(0, 40),
                            "environment", "staging")));
        }
        return pool;
    }
}

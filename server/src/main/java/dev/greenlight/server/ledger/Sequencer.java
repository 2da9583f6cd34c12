package dev.greenlight.server.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.ledger.TreeHead;
import dev.greenlight.ledger.checkpoint.CheckpointSigner;
import dev.greenlight.ledger.merkle.MerkleTree;
import dev.greenlight.ledger.note.NoteSigner;

/**
 * Integrates committed entries and signs checkpoints, on one node at a time: the node holding a PostgreSQL advisory
 * lock on a dedicated connection. If that node dies its connection closes, the lock is released and another node
 * takes over at its next tick. Every tick (the checkpoint interval) it catches every log up and signs a checkpoint for
 * each log that grew.
 */
@Component
class Sequencer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final String ELECTION_LOCK = "select pg_try_advisory_lock(hashtext('greenlight-ledger-sequencer'))";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Integrator integrator;
    private final SigningKeys keys;
    private final LedgerProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable Connection leadership;
    private volatile boolean running;

    Sequencer(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, SigningKeys keys,
            LedgerProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        // Integration and signing always commit on their own, also when called from a request that runs in a
        // transaction (the on-demand sign goes through the Idempotency-Key filter's): a lost compare-and-set must not
        // mark the caller's transaction rollback-only, and locks must not be held for the rest of the request.
        this.transactions = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager(), "transactionManager is null"));
        this.transactions.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.integrator = new Integrator(jdbc, clock);
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        transactions.executeWithoutResult(status -> keys.ensureOneActiveKey());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-sequencer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.checkpointInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        resign();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a higher phase) has finished its in-flight requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    boolean isLeader() {
        return leadership != null;
    }

    private void tick() {
        try {
            if (!holdsLeadership()) {
                return;
            }
            // Round-robin over every log, one batch each per pass, until a pass finds all caught up: a log flooded
            // with entries must not delay the checkpoints of the others. Every pass visits every log (not only those
            // still behind after the last pass), because a quiet log gets new entries while a busy one is caught up.
            boolean behind = true;
            while (behind && running && holdsLeadership()) {
                behind = false;
                for (LogRef logRef : logs()) {
                    TreeHead head = transactions.execute(status -> integrator.integrateBatch(logRef.workspaceId()));
                    sign(logRef, head);
                    behind |= hasMoreThan(logRef.workspaceId(), head.size());
                }
            }
        } catch (RuntimeException e) {
            log.error("ledger sequencer tick failed; retrying at the next tick", e);
        }
    }

    /** Integrates everything committed so far and signs a checkpoint if the tree grew. Safe on any node. */
    Optional<TreeHead> catchUp(LogRef logRef) {
        TreeHead head;
        do {
            head = transactions.execute(status -> integrator.integrateBatch(logRef.workspaceId()));
        } while (head != null && hasMoreThan(logRef.workspaceId(), head.size()));
        return sign(logRef, head);
    }

    private Optional<TreeHead> sign(LogRef logRef, TreeHead head) {
        PostgresCheckpointStore store = new PostgresCheckpointStore(jdbc, logRef.workspaceId(), clock);
        Optional<TreeHead> last = store.lastSigned();
        if (last.isPresent() && last.get().size() >= head.size()) {
            return last;
        }
        Optional<List<NoteSigner>> signers = keys.signersFor(logRef.origin());
        if (signers.isEmpty()) {
            log.warn("this node lacks the private half of an active signing key; it cannot sign checkpoints for {}", logRef.origin());
            return last;
        }
        CheckpointSigner signer = new CheckpointSigner(logRef.origin(), signers.get(), store);
        MerkleTree tree = new MerkleTree(new PostgresHashStore(jdbc, logRef.workspaceId()));
        try {
            transactions.executeWithoutResult(status -> signer.sign(head, tree::consistencyProof));
        } catch (IllegalStateException | DataIntegrityViolationException concurrentlySigned) {
            // Another signer (the sequencer, or an on-demand request on another node) recorded a checkpoint between
            // our read and our compare-and-set (or our insert). Its checkpoint is as good as ours if it covers this head.
            Optional<TreeHead> winner = store.lastSigned();
            if (winner.isEmpty() || winner.get().size() < head.size()) {
                throw concurrentlySigned;
            }
            return winner;
        }
        return Optional.of(head);
    }

    private boolean hasMoreThan(UUID workspaceId, long size) {
        return jdbc.sql("select exists (select 1 from ledger_entries where workspace_id = :workspace and idx = :next)")
                .param("workspace", workspaceId).param("next", size).query(Boolean.class).single();
    }

    List<LogRef> logs() {
        return jdbc.sql("select workspace_id, workspace_slug, origin from ledger_logs order by workspace_slug")
                .query((row, number) -> new LogRef(row.getObject("workspace_id", UUID.class), row.getString("workspace_slug"), row.getString("origin")))
                .list();
    }

    /** A workspace's log: its id, slug and origin. */
    record LogRef(UUID workspaceId, String workspaceSlug, String origin) {
    }

    private boolean holdsLeadership() {
        if (leadership != null) {
            try (Statement statement = leadership.createStatement()) {
                statement.execute("select 1");
                return true;
            } catch (SQLException lost) {
                log.warn("lost the ledger sequencer's database connection; giving up leadership");
                resign();
            }
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(ELECTION_LOCK)) {
                if (result.next() && result.getBoolean(1)) {
                    leadership = connection;
                    log.info("this node is now the ledger sequencer");
                    return true;
                }
            }
            connection.close();
        } catch (SQLException e) {
            log.warn("could not take part in the ledger sequencer election: {}", e.toString());
            closeQuietly(connection);
        }
        return false;
    }

    private void resign() {
        Connection connection = leadership;
        leadership = null;
        if (connection != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock_all()");
            } catch (SQLException ignored) {
                // closing the connection below releases the lock anyway
            }
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }
}

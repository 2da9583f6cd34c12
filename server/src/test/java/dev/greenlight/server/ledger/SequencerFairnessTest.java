package dev.greenlight.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.IntegrationTest;

/**
 * A log with a large backlog must not hold back the checkpoints of the others: an entry appended to a quiet log
 * while the sequencer is working through the backlog is signed long before the backlog is done.
 */
class SequencerFairnessTest extends IntegrationTest {
    private static final int BACKLOG = 60_000;

    @Autowired
    Ledger ledger;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuietLogIsSignedWhileABusyOneCatchesUp() throws InterruptedException {
        UUID busy = workspace();
        UUID quiet = workspace();
        String busySlug = slugOf(busy);
        List<LedgerEvent> backlog = new ArrayList<>(BACKLOG);
        for (int i = 0; i < BACKLOG; i++) {
            backlog.add(new LedgerEvent(busy, busySlug, "test.backlog", null, "test", Map.of("n", i)));
        }
        List<Long> indexes = transactions.execute(status -> ledger.appendAll(backlog));
        long busySize = indexes.getLast() + 1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Two batches in, the sequencer's first pass over all logs is over: what comes next for the quiet log waits
        // for a later pass.
        while (treeSize(busy) <= 2L * Integrator.BATCH) {
            assertThat(System.nanoTime()).as("the sequencer starts on the backlog within 60 s").isLessThan(deadline);
            Thread.sleep(5);
        }

        long index = transactions.execute(status -> ledger.append(new LedgerEvent(quiet, slugOf(quiet), "test.quiet", null, "test", Map.of())));
        while (signedSize(quiet) <= index) {
            assertThat(System.nanoTime()).as("the quiet log is signed within 60 s").isLessThan(deadline);
            Thread.sleep(5);
        }
        assertThat(treeSize(busy)).as("the quiet log was signed before the busy one had caught up").isLessThan(busySize);
    }

    private UUID workspace() {
        String slug = Fixtures.unique("fair");
        assertThat(admin().post("/api/v1/workspaces", Map.of("slug", slug, "name", "Fairness")).status()).isEqualTo(201);
        return jdbc.sql("select id from workspaces where slug = :slug").param("slug", slug).query(UUID.class).single();
    }

    private String slugOf(UUID workspace) {
        return jdbc.sql("select slug from workspaces where id = :id").param("id", workspace).query(String.class).single();
    }

    private long treeSize(UUID workspace) {
        return jdbc.sql("select coalesce((select size from ledger_tree where workspace_id = :id), 0)").param("id", workspace).query(Long.class).single();
    }

    private long signedSize(UUID workspace) {
        return jdbc.sql("select coalesce(max(tree_size), 0) from ledger_checkpoints where workspace_id = :id").param("id", workspace)
                .query(Long.class).single();
    }
}

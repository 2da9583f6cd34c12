package dev.greenlight.server.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What an operator alerts on: entries committed but not yet covered by a signed checkpoint, and how long the oldest
 * of them has waited (a stuck sequencer shows as a growing age), plus whether this node is the sequencer. Read from
 * the database at most every few seconds, however often Prometheus scrapes.
 */
@Component
class LedgerMetrics implements MeterBinder {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Sequencer sequencer;
    private final Clock clock;
    private final AtomicReference<Backlog> cached = new AtomicReference<>(new Backlog(0, 0, Instant.EPOCH));

    LedgerMetrics(JdbcClient jdbc, Sequencer sequencer, Clock clock) {
        this.jdbc = jdbc;
        this.sequencer = sequencer;
        this.clock = clock;
    }

    private record Backlog(long unsignedEntries, double oldestUnsignedAgeSeconds, Instant readAt) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("greenlight.ledger.unsigned.entries", this, metrics -> metrics.backlog().unsignedEntries())
                .description("Entries committed to the ledger but not yet covered by a signed checkpoint, all workspaces")
                .register(registry);
        Gauge.builder("greenlight.ledger.unsigned.oldest.age", this, metrics -> metrics.backlog().oldestUnsignedAgeSeconds())
                .description("Seconds the oldest entry not yet covered by a signed checkpoint has waited")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("greenlight.ledger.sequencer.leader", sequencer, node -> node.isLeader() ? 1 : 0)
                .description("1 on the node that currently integrates entries and signs checkpoints")
                .register(registry);
    }

    private Backlog backlog() {
        Backlog current = cached.get();
        Instant now = Instant.now(clock);
        if (current.readAt().plus(REFRESH).isAfter(now)) {
            return current;
        }
        Backlog fresh = jdbc.sql("""
                select coalesce(sum(s.next_index - coalesce(c.size, 0)), 0) as unsigned,
                       min(e.at) as oldest
                from ledger_sequence s
                left join lateral (select max(tree_size) as size from ledger_checkpoints where workspace_id = s.workspace_id) c on true
                left join ledger_entries e on e.workspace_id = s.workspace_id and e.idx = coalesce(c.size, 0)""")
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    double age = oldest == null ? 0 : Duration.between(oldest.toInstant(), now).toMillis() / 1000.0;
                    return new Backlog(row.getLong("unsigned"), Math.max(0, age), now);
                })
                .single();
        cached.set(fresh);
        return fresh;
    }
}

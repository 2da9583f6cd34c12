package dev.greenlight.server.events;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns each {@link ReleaseChanged} into a PostgreSQL notification on {@link #CHANNEL}, issued on the publisher's
 * own connection, inside its transaction: PostgreSQL delivers it to every listening node when that transaction
 * commits, in commit order, and drops it if the transaction rolls back. Published outside a transaction, it goes out
 * at once, which is right too: whatever it announces has already committed.
 */
@Component
class ReleaseChangeBroadcast {
    static final String CHANNEL = "greenlight_release_changed";

    private final JdbcClient jdbc;

    ReleaseChangeBroadcast(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // A plain listener, not an after-commit one: the notification must be part of the transaction it announces.
    @EventListener
    void announce(ReleaseChanged change) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", ReleaseChangePayload.encode(change))
                .query((row, number) -> Boolean.TRUE)
                .list();
    }
}

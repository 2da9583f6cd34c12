package dev.greenlight.server.events;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * This node lost its connection to PostgreSQL's notifications and listens again. Changes committed in between were
 * not heard here, so whatever shows releases should refresh itself rather than wait for the next change.
 *
 * @param interruptedFor how long the node was not listening
 */
public record ReleaseChangeFeedResumed(Duration interruptedFor) {

    public ReleaseChangeFeedResumed {
        requireNonNull(interruptedFor, "interruptedFor is null");
    }
}

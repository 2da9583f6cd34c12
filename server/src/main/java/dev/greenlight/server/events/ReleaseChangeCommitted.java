package dev.greenlight.server.events;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ReleaseChanged} whose transaction committed, on this node or any other sharing the database. Published
 * on every node, in commit order, by the thread that listens to PostgreSQL; a listener must return quickly (hand
 * slow work to a thread of its own), because the next change waits for it.
 */
public record ReleaseChangeCommitted(ReleaseChanged change) {

    public ReleaseChangeCommitted {
        requireNonNull(change, "change is null");
    }
}

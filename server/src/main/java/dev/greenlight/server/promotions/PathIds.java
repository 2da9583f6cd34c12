package dev.greenlight.server.promotions;

import java.util.UUID;
import java.util.function.Supplier;

import dev.greenlight.server.platform.GreenlightException;

/** Ids from paths: one that is not a UUID names nothing, so it is answered like a missing record. */
final class PathIds {
    private PathIds() {
    }

    static UUID parse(String id, Supplier<GreenlightException> notFound) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound.get();
        }
    }
}

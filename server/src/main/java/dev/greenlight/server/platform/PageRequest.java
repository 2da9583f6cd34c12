package dev.greenlight.server.platform;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A validated page request: how many items and after which sort key ({@code null} for the first page).
 */
public record PageRequest(int limit, @Nullable String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new GreenlightException(ProblemKind.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
    }

    /** Parses the {@code limit} and {@code cursor} query parameters. */
    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor == null || cursor.isEmpty() ? null : Cursors.decode(cursor));
    }

    /**
     * The cursor's sort key as the id of the last item seen, for lists ordered by their (time-ordered UUIDv7) id;
     * {@code null} for the first page. A sort key that is not an id was not issued for such a list: 400.
     */
    public @Nullable UUID afterId() {
        if (after == null) {
            return null;
        }
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw new GreenlightException(ProblemKind.BAD_REQUEST, "The cursor is not one this server issued.");
        }
    }

    /** The number of rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}

package dev.greenlight.server.platform;

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

    /** The number of rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}

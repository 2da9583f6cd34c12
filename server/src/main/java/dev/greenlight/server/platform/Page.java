package dev.greenlight.server.platform;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list endpoint: the items and the opaque cursor of the next page, {@code null} on the last page.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {
    public Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only proves that there is a next page.
     */
    public static <T> Page<T> fromOverfetched(List<T> rows, PageRequest request, Function<T, String> sortKey) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, request.limit());
        return new Page<>(items, Cursors.encode(sortKey.apply(items.getLast())));
    }
}

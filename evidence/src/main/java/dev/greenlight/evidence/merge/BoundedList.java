package dev.greenlight.evidence.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list that stops at the listing limit and remembers that it did, so merged lists obey the same limit as a single
 * file's and say when they were cut rather than silently dropping items.
 */
final class BoundedList<T> {
    private final int limit;
    private final List<T> items = new ArrayList<>();
    private boolean cut;

    BoundedList(int limit) {
        this.limit = limit;
    }

    void add(T item) {
        if (items.size() < limit) {
            items.add(item);
        } else {
            cut = true;
        }
    }

    void addAll(Iterable<? extends T> more) {
        more.forEach(this::add);
    }

    List<T> items() {
        return Collections.unmodifiableList(items);
    }

    boolean cut() {
        return cut;
    }
}

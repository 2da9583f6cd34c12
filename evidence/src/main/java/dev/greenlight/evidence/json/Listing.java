package dev.greenlight.evidence.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A facts list that stops growing at the listing limit ({@link dev.greenlight.evidence.ParseLimits#maxListedItems()})
 * and remembers that it did.
 */
final class Listing<T> {
    private final int max;
    private final List<T> items = new ArrayList<>();
    private boolean truncated;

    Listing(int max) {
        this.max = max;
    }

    /** Adds the item if there is room; returns whether it was added. */
    boolean add(T item) {
        if (items.size() < max) {
            items.add(item);
            return true;
        }
        truncated = true;
        return false;
    }

    /**
     * Reserves the next place for an item built later (a CycloneDX component is complete only after its nested
     * components, which are listed after it): returns the place, or -1 when the listing is full.
     */
    int reserve() {
        if (items.size() < max) {
            items.add(null);
            return items.size() - 1;
        }
        truncated = true;
        return -1;
    }

    void set(int place, T item) {
        items.set(place, item);
    }

    /** Whether another item would no longer be listed. */
    boolean full() {
        return items.size() >= max;
    }

    /** Records that an item was left out without building it. */
    void markTruncated() {
        truncated = true;
    }

    List<T> items() {
        return items;
    }

    boolean truncated() {
        return truncated;
    }
}

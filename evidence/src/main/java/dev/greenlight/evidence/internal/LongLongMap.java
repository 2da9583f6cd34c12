package dev.greenlight.evidence.internal;

import java.util.function.LongBinaryOperator;

/**
 * A map from long to long without boxing (open addressing, linear probing), for the per-line and per-test state the
 * parsers must keep for a whole file: 17 bytes a slot (some 25 an entry) instead of some 80 for a {@code HashMap<Long, Long>}.
 */
public final class LongLongMap {
    private static final int MIN_CAPACITY = 16;

    private long[] keys;
    private long[] values;
    private boolean[] used;
    private int size;

    public LongLongMap() {
        allocate(MIN_CAPACITY);
    }

    public int size() {
        return size;
    }

    public long get(long key, long absent) {
        int slot = find(key);
        return used[slot] ? values[slot] : absent;
    }

    /** Puts the value, or the merge of the present value with it. */
    public void merge(long key, long value, LongBinaryOperator merge) {
        int slot = find(key);
        if (used[slot]) {
            values[slot] = merge.applyAsLong(values[slot], value);
            return;
        }
        used[slot] = true;
        keys[slot] = key;
        values[slot] = value;
        size++;
        // Linear probing stays short up to three quarters full.
        if (size * 4L > keys.length * 3L) {
            grow();
        }
    }

    public void put(long key, long value) {
        merge(key, value, (present, replacement) -> replacement);
    }

    /** Every value, in no particular order. */
    public long[] values() {
        long[] result = new long[size];
        int next = 0;
        for (int slot = 0; slot < keys.length; slot++) {
            if (used[slot]) {
                result[next++] = values[slot];
            }
        }
        return result;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldKeys.length * 2);
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldUsed[slot]) {
                int target = find(oldKeys[slot]);
                used[target] = true;
                keys[target] = oldKeys[slot];
                values[target] = oldValues[slot];
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        used = new boolean[capacity];
    }

    /** Spreads consecutive keys (line numbers) over the table (the finaliser of SplitMix64). */
    private static int mix(long key) {
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}

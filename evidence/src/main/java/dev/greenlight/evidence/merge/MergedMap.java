package dev.greenlight.evidence.merge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Builds the ordered, unmodifiable maps of merged facts. Unlike the parsers' maps it keeps a null value, because in a
 * merge "none" can be the fact a policy reads (a provenance subject that matched no artifact).
 */
final class MergedMap {
    private final Map<String, @Nullable Object> values;

    private MergedMap(Map<String, ? extends @Nullable Object> start) {
        this.values = new LinkedHashMap<>(start);
    }

    static MergedMap create() {
        return new MergedMap(Map.of());
    }

    /** Starts from one evidence file's facts, so that merged names stay those of {@code toMap()}. */
    static MergedMap startingWith(Map<String, ? extends @Nullable Object> facts) {
        return new MergedMap(facts);
    }

    MergedMap put(String name, @Nullable Object value) {
        values.put(name, value);
        return this;
    }

    /** Puts the value only when there is one, as the parsers' maps leave absent values out. */
    MergedMap putPresent(String name, @Nullable Object value) {
        return value == null ? this : put(name, value);
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(values);
    }
}

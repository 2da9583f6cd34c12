package dev.greenlight.evidence.facts;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Builds the ordered maps of {@link EvidenceFacts#toMap()}, leaving out absent values. */
final class FactMaps {
    private final Map<String, Object> values = new LinkedHashMap<>();

    static FactMaps create() {
        return new FactMaps();
    }

    FactMaps put(String name, @Nullable Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    Map<String, Object> build() {
        return java.util.Collections.unmodifiableMap(values);
    }
}

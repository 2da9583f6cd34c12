package dev.greenlight.evidence.json;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Shares one instance of short values that repeat across many listed items (component types, license ids): an SBOM's
 * 100,000 listed components then hold a handful of "library" and "MIT" strings, not 100,000 of each. Bounded, so a
 * file of all-different values costs no more than without it.
 */
final class TextPool {
    private static final int MAX_ENTRIES = 4096;
    private static final int MAX_LENGTH = 100;

    private final Map<String, String> pool = new HashMap<>();

    @Nullable String share(@Nullable String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        String shared = pool.get(text);
        if (shared != null) {
            return shared;
        }
        if (pool.size() < MAX_ENTRIES) {
            pool.put(text, text);
        }
        return text;
    }
}

package dev.greenlight.bench.policy;

import java.util.List;
import java.util.Map;

/**
 * How the plain-Java checks read the merged facts: by family and name out of the same maps the pack reads, with the
 * casts a hand-written evaluator needs. Nothing is precomputed, so both sides start from the same maps.
 */
final class Facts {
    private Facts() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }

    static long integer(Map<String, Object> map, String name) {
        return (Long) map.get(name);
    }

    static double number(Map<String, Object> map, String name) {
        return ((Number) map.get(name)).doubleValue();
    }

    static boolean bool(Map<String, Object> map, String name) {
        return (Boolean) map.get(name);
    }

    static String text(Map<String, Object> map, String name) {
        return (String) map.get(name);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> map, String name) {
        return (List<Map<String, Object>>) map.get(name);
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(Map<String, Object> map, String name) {
        return (List<String>) map.get(name);
    }
}

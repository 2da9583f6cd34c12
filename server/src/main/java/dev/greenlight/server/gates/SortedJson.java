package dev.greenlight.server.gates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON whose bytes depend only on the values: map keys sorted, numbers as Java writes them. A decision's inputs are
 * kept in this form and digested, so the same inputs always give the same digest; reading gives integers as longs and
 * fractions as doubles, the types the evidence merger produced, so an evaluation of what was read back matches.
 */
final class SortedJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private SortedJson() {
    }

    static byte[] write(Map<String, ?> value) {
        return JSON.writeValueAsBytes(value);
    }

    static Map<String, Object> read(String json) {
        return JSON.readValue(json, OBJECT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}

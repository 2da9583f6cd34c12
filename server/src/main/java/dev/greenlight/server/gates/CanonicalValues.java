package dev.greenlight.server.gates;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values made fit for a ledger entry, whose canonical JSON (RFC 8785 as Greenlight writes it) carries no fractions:
 * a fractional number is written as its decimal string ({@code 0.8} → {@code "0.8"}), an integer as a long.
 */
final class CanonicalValues {
    private CanonicalValues() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, ?> map) {
        return (Map<String, Object>) convert(map);
    }

    private static Object convert(Object value) {
        return switch (value) {
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Double number -> BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            case Float number -> BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
            case BigDecimal number -> number.stripTrailingZeros().toPlainString();
            case Map<?, ?> map -> {
                Map<String, Object> converted = new LinkedHashMap<>();
                map.forEach((key, item) -> converted.put(String.valueOf(key), item == null ? null : convert(item)));
                yield converted;
            }
            case List<?> list -> list.stream().map(item -> item == null ? null : convert(item)).toList();
            default -> value;
        };
    }
}

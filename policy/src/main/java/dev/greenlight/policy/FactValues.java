package dev.greenlight.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cel.common.values.NullValue;

/**
 * Puts a fact or parameter value into the form CEL's runtime reads, checking it against its declared type: integers
 * of any Java type become Long, other numbers Double, lists {@link FactListValue}, maps {@link FactMapValue}, nulls
 * inside lists and maps CEL null. Facts arrive from the merger (already canonical), from JSON (Integer, BigDecimal…) or
 * from YAML, so all are accepted. Nothing is copied: lists and maps are wrapped, and convert their items when read.
 */
final class FactValues {
    private FactValues() {
    }

    /** A value converted, or why it does not fit its type. */
    sealed interface Converted {
    }

    record Fits(Object runtime) implements Converted {
    }

    record DoesNotFit(String problem) implements Converted {
    }

    static Converted convert(Object value, FactType type) {
        Object runtime = switch (type) {
            case BOOL -> value instanceof Boolean ? value : null;
            case INT -> integer(value);
            case DOUBLE -> value instanceof Number number && !(value instanceof BigInteger big && big.bitLength() > 1023)
                    ? (Object) number.doubleValue() : null;
            case STRING -> value instanceof String ? value : null;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance) ? runtime(list) : null;
            // Items are only checked to be maps: their keys are read (and their values converted) when a rule reads them.
            case MAP_LIST -> value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance) ? runtime(list) : null;
            case LIST -> value instanceof List<?> list ? runtime(list) : null;
            case MAP -> isFactMap(value) ? runtime(value) : null;
        };
        return runtime == null ? new DoesNotFit("is " + describe(value) + ", not " + type.typeName()) : new Fits(runtime);
    }

    /** A map whose keys are all strings, as fact maps are. */
    private static boolean isFactMap(@Nullable Object value) {
        return value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance);
    }

    /** A plain, JSON-like copy of a value for a result's {@code values}: numbers canonical, lists cut to {@code maxItems}. */
    static @Nullable Object plain(@Nullable Object value, int maxItems) {
        return switch (value) {
            case null -> null;
            case List<?> list -> {
                List<@Nullable Object> items = new ArrayList<>(Math.min(list.size(), maxItems));
                for (Object item : list.size() > maxItems ? list.subList(0, maxItems) : list) {
                    items.add(plain(item, maxItems));
                }
                yield Collections.unmodifiableList(items);
            }
            case Map<?, ?> map -> {
                Map<String, @Nullable Object> entries = new LinkedHashMap<>();
                map.forEach((key, item) -> entries.put(String.valueOf(key), plain(item, maxItems)));
                yield Collections.unmodifiableMap(entries);
            }
            case NullValue nothing -> null;
            case Number number -> canonicalNumber(number);
            default -> value;
        };
    }

    private static @Nullable Object integer(Object value) {
        return switch (value) {
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.bitLength() < 64 ? number.longValue() : null;
            case BigDecimal number -> {
                try {
                    yield number.longValueExact();
                } catch (ArithmeticException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static Object canonicalNumber(Number number) {
        Object integer = integer(number);
        if (integer != null && !(number instanceof BigDecimal)) {
            return integer;
        }
        return number.doubleValue();
    }

    /**
     * A value in runtime form, converted when CEL reads it rather than up front: lists and maps are wrapped as they are
     * (their items are converted as they are read), so an evaluation pays for what its rules read, not for every
     * finding's every field.
     */
    static Object runtime(@Nullable Object value) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case String text -> text;
            case Boolean bool -> bool;
            case Long number -> number;
            case Double number -> number;
            case Number number -> canonicalNumber(number);
            case FactListValue already -> already;
            case FactMapValue already -> already;
            case List<?> list -> new FactListValue(list);
            case Map<?, ?> map -> new FactMapValue(map);
            default -> String.valueOf(value);
        };
    }

    static String describe(Object value) {
        return switch (value) {
            case String text -> "a string";
            case Boolean bool -> "a boolean";
            case Long number -> "an integer";
            case Integer number -> "an integer";
            case Double number -> "a number";
            case Number number -> "a number";
            case List<?> list -> "a list";
            case Map<?, ?> map -> "a map";
            default -> "a " + value.getClass().getSimpleName();
        };
    }
}

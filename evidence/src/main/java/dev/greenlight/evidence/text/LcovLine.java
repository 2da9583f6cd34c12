package dev.greenlight.evidence.text;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.evidence.EvidenceFormatException;
import dev.greenlight.evidence.EvidenceType;

/** One {@code KEY:value} line of a tracefile, with the checks that turn a bad value into an error naming the line. */
record LcovLine(String key, String value, long lineNumber, int valueColumn) {

    /** The comma-separated fields of the value; at least {@code minimum} of them. */
    List<String> fields(int minimum) {
        List<String> fields = new ArrayList<>(List.of(value.split(",", -1)));
        fields.replaceAll(String::strip);
        if (fields.size() < minimum) {
            throw problem(key + " needs at least " + minimum + " comma-separated fields, not '" + shortened(value) + "'");
        }
        return fields;
    }

    /** The record this line belongs to; data before any SF line has none. */
    LcovFile within(@Nullable LcovFile record) {
        if (record == null) {
            throw problem(key + " outside a record: no SF line opened one");
        }
        return record;
    }

    /** A source line number: lines count from 1, so 0 (which lcov itself rejects) is an error. */
    int lineNumber(String field) {
        try {
            int line = Integer.parseInt(field);
            if (line >= 1) {
                return line;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw problem(key + " has line number '" + shortened(field) + "'; source lines are numbered from 1");
    }

    /** Whether a hit count is above zero. Counts beyond a long (2^64-1 appears in real files) are simply above zero. */
    boolean isPositive(String field) {
        if (field.isEmpty() || !field.chars().allMatch(Character::isDigit)) {
            throw problem(key + " has hit count '" + shortened(field) + "'; counts are whole numbers of 0 or more");
        }
        return field.chars().anyMatch(digit -> digit != '0');
    }

    /** A summary count (LF, LH, BRF, BRH). */
    long count() {
        String field = value.strip();
        if (!field.isEmpty() && field.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(field);
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        throw problem(key + " has count '" + shortened(field) + "'; counts are whole numbers of 0 or more");
    }

    EvidenceFormatException problem(String description) {
        return new EvidenceFormatException(EvidenceType.LCOV, "line " + lineNumber + ", column " + valueColumn, description);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}

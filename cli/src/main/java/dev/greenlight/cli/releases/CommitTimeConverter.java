package dev.greenlight.cli.releases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts an RFC 3339 timestamp in any offset; the API wants UTC, so it is converted here. */
final class CommitTimeConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not an RFC 3339 timestamp such as 2025-06-01T12:30:00Z");
        }
    }
}

package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A path under {@code /api/v1}, built from segments that are percent-encoded one by one, so a
 * project slug or a version such as {@code 1.0.0+build.7} can never change which resource is
 * addressed.
 */
public record ApiPath(String value) {
    private static final String PREFIX = "/api/v1";

    public ApiPath {
        requireNonNull(value, "value is null");
        if (!value.startsWith(PREFIX + "/")) {
            throw new IllegalArgumentException("API paths start with " + PREFIX + "/: " + value);
        }
    }

    public static ApiPath of(String... segments) {
        return new ApiPath(PREFIX + Arrays.stream(segments)
                .map(segment -> "/" + encodeSegment(segment))
                .collect(Collectors.joining()));
    }

    /** Percent-encodes one path segment, for paths built outside {@code /api/v1}. */
    public static String encodeSegment(String segment) {
        requireNonNull(segment, "segment is null");
        if (segment.isEmpty()) {
            throw new IllegalArgumentException("path segments are not empty");
        }
        // URLEncoder targets form bodies: it turns spaces into '+', which a path does not decode.
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return value;
    }
}

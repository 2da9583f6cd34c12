package dev.greenlight.evidence.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/** Reads the name and version out of a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}). */
final class Purls {
    private Purls() {
    }

    record NameAndVersion(String name, @Nullable String version) {
    }

    static @Nullable NameAndVersion nameAndVersion(String purl) {
        if (!purl.startsWith("pkg:")) {
            return null;
        }
        String rest = purl.substring(4);
        int end = indexOfAny(rest, '?', '#');
        if (end >= 0) {
            rest = rest.substring(0, end);
        }
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        int slash = rest.lastIndexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            return null;
        }
        return new NameAndVersion(decode(rest.substring(slash + 1)), version == null || version.isEmpty() ? null : version);
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}

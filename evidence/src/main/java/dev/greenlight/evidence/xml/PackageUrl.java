package dev.greenlight.evidence.xml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The name and version of a package URL ({@code pkg:type/namespace/name@version?qualifiers#subpath}), enough to name
 * the package a vulnerability affects when the SBOM refers to it by a purl-shaped bom-ref.
 */
record PackageUrl(String purl, String name, @Nullable String version) {

    static Optional<PackageUrl> parse(String text) {
        if (!text.startsWith("pkg:")) {
            return Optional.empty();
        }
        String rest = text.substring("pkg:".length());
        int end = firstOf(rest, '?', '#');
        rest = rest.substring(0, end);
        int at = rest.lastIndexOf('@');
        String version = at >= 0 ? decode(rest.substring(at + 1)) : null;
        String path = at >= 0 ? rest.substring(0, at) : rest;
        int slash = path.lastIndexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new PackageUrl(text, decode(path.substring(slash + 1)), version == null || version.isEmpty() ? null : version));
    }

    private static int firstOf(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        if (a < 0) {
            return b < 0 ? text.length() : b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken escape: the text as written still names the package.
            return part;
        }
    }
}

package dev.greenlight.evidence.merge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The part of a package URL that says which package and version it is: type, namespace and name, version. Qualifiers
 * ({@code ?arch=…}, {@code ?repository_url=…}) and subpath are dropped, since tools add them inconsistently for the
 * same package; percent-encoding is decoded, since {@code %40babel} and {@code @babel} are the same namespace.
 *
 * @param path namespace and name, {@code /}-separated, decoded
 * @param version decoded; null when the URL names no version
 */
record PackageUrl(String type, String path, @Nullable String version) {

    /** Null when the text is not a package URL (an image digest, a product id). */
    static @Nullable PackageUrl parse(String text) {
        if (!text.regionMatches(true, 0, "pkg:", 0, 4)) {
            return null;
        }
        String rest = cutAt(cutAt(text.substring(4), '#'), '?');
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        int typeEnd = rest.indexOf('/');
        if (typeEnd <= 0) {
            return null;
        }
        String type = rest.substring(0, typeEnd).toLowerCase(Locale.ROOT);
        String remainder = rest.substring(typeEnd + 1);
        // The version's '@' is the one after the last '/': an npm scope (pkg:npm/@babel/parser) may be written raw.
        int versionStart = remainder.indexOf('@', remainder.lastIndexOf('/') + 1);
        String path = decode(versionStart < 0 ? remainder : remainder.substring(0, versionStart));
        String version = versionStart < 0 ? "" : decode(remainder.substring(versionStart + 1));
        if (path.isEmpty()) {
            return null;
        }
        return new PackageUrl(type, path, version.isEmpty() ? null : version);
    }

    /** Whether this names a package rather than the release as a whole (a container image). */
    boolean namesPackage() {
        return !type.equals("oci") && !type.equals("docker");
    }

    /** Whether a VEX product with this URL covers a finding in {@code other}: same package, and same version unless none is named. */
    boolean covers(PackageUrl other) {
        return type.equals(other.type) && path.equals(other.path) && (version == null || version.equals(other.version));
    }

    /** A string equal for package URLs of the same package and version. */
    String identity() {
        return type + "/" + path + (version == null ? "" : "@" + version);
    }

    private static String cutAt(String text, char separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(0, at);
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            int high = index + 2 < text.length() && character == '%' ? Character.digit(text.charAt(index + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(index + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                index += 2;
            } else {
                bytes.writeBytes(String.valueOf(character).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

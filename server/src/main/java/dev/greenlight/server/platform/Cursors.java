package dev.greenlight.server.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination cursors. A cursor wraps the sort key of the last item of a page with a version prefix, so the
 * format can change without breaking clients that hold one; clients must not parse it.
 */
public final class Cursors {
    private static final String VERSION = "v1:";

    private Cursors() {
    }

    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(VERSION) && decoded.length() > VERSION.length()) {
                return decoded.substring(VERSION.length());
            }
        } catch (IllegalArgumentException invalidBase64) {
            // reported below like any other unreadable cursor
        }
        throw new GreenlightException(ProblemKind.BAD_REQUEST, "The cursor is not one this server issued.");
    }
}

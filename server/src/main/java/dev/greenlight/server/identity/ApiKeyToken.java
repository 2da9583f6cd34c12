package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as presented: {@code glk_<id>_<secret>}. The id is public (it names the key in lists and logs); the
 * secret is 256 random bits, shown once and stored only as its SHA-256. Both parts use lower-case base32, so the
 * token survives copy-paste, shells and URLs, and '_' can separate them.
 */
record ApiKeyToken(String id, String secret) {
    static final String PREFIX = "glk_";
    private static final Pattern FORMAT = Pattern.compile("glk_([a-z2-7]{16})_([a-z2-7]{52})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    ApiKeyToken {
        requireNonNull(id, "id is null");
        requireNonNull(secret, "secret is null");
    }

    static ApiKeyToken generate() {
        return new ApiKeyToken(base32(randomBytes(10)), base32(randomBytes(32)).substring(0, 52));
    }

    static Optional<ApiKeyToken> parse(String presented) {
        Matcher matcher = FORMAT.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(matcher.group(1), matcher.group(2)));
    }

    String value() {
        return PREFIX + id + "_" + secret;
    }

    byte[] secretSha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyToken[id=" + id + ", secret=***]";
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}

package dev.greenlight.cli.client;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.failure.InvalidInputException;

/**
 * A Greenlight API key ({@code glk_<id>_<secret>}). {@link #toString()} never shows the secret,
 * so the key cannot leak through a log line or an error message by accident.
 */
public record ApiKey(String secret) {
    public ApiKey {
        requireNonNull(secret, "secret is null");
        if (secret.isEmpty()) {
            throw new InvalidInputException("The API key is empty.");
        }
        // A key goes into an HTTP header: control characters or spaces would corrupt the request.
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new InvalidInputException("The API key contains spaces or characters that are not printable ASCII.");
            }
        }
    }

    public String authorizationHeader() {
        return "Bearer " + secret;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}

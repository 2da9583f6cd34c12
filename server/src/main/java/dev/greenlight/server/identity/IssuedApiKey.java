package dev.greenlight.server.identity;

import static java.util.Objects.requireNonNull;

/** A newly created key together with its token: the only moment the secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String token) {
    public IssuedApiKey {
        requireNonNull(key, "key is null");
        requireNonNull(token, "token is null");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", token=***]";
    }
}

package dev.greenlight.cli.config;

import org.jspecify.annotations.Nullable;

/** What {@code greenlight login} remembers. Either part may be absent, e.g. the key after a logout. */
public record StoredConfig(@Nullable String server, @Nullable String apiKey) {
    public static final StoredConfig EMPTY = new StoredConfig(null, null);

    public StoredConfig {
        server = blankToNull(server);
        apiKey = blankToNull(apiKey);
    }

    public StoredConfig withoutApiKey() {
        return new StoredConfig(server, null);
    }

    public boolean isEmpty() {
        return server == null && apiKey == null;
    }

    @Override
    public String toString() {
        return "StoredConfig[server=" + server + ", apiKey=" + (apiKey == null ? "absent" : "redacted") + "]";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package dev.greenlight.cli.config;

import static java.util.Objects.requireNonNull;

import dev.greenlight.cli.client.ApiKey;
import dev.greenlight.cli.client.Connection;
import dev.greenlight.cli.client.ServerAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides which server and key a command uses: a {@code --server} flag beats
 * {@code GREENLIGHT_SERVER}, which beats the config file; {@code GREENLIGHT_API_KEY} beats the
 * config file. CI sets the variables, people run {@code greenlight login}.
 */
public final class ConnectionResolver {
    private final Map<String, String> environment;
    private final ConfigStore store;

    public ConnectionResolver(Map<String, String> environment, ConfigStore store) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.store = requireNonNull(store, "store is null");
    }

    public Connection resolve(@Nullable String serverOption, boolean insecureHttpAllowed) {
        StoredConfig stored = store.load();
        ServerAddress server = server(serverOption, stored);
        if (server == null) {
            throw new NotLoggedInException("server address");
        }
        String environmentKey = firstPresent(environment.get(EnvironmentVariables.API_KEY));
        if (environmentKey != null) {
            return new Connection(server, new ApiKey(environmentKey.strip()), insecureHttpAllowed);
        }
        if (stored.apiKey() == null) {
            throw new NotLoggedInException("API key");
        }
        if (stored.server() != null && !ServerAddress.parse(stored.server()).equals(server)) {
            // A stored key was issued by the stored server; handing it to whatever --server names would leak it.
            throw new KeyForAnotherServerException(ServerAddress.parse(stored.server()), server);
        }
        return new Connection(server, new ApiKey(stored.apiKey()), insecureHttpAllowed);
    }

    /** The server named by the flag, the environment or the config file, in that order; null if none. */
    public @Nullable ServerAddress server(@Nullable String serverOption) {
        // Only read the file when needed: `login --server` must work even when the file is broken.
        String overriding = firstPresent(serverOption, environment.get(EnvironmentVariables.SERVER));
        return overriding != null ? ServerAddress.parse(overriding) : server(null, store.load());
    }

    private @Nullable ServerAddress server(@Nullable String serverOption, StoredConfig stored) {
        String text = firstPresent(serverOption, environment.get(EnvironmentVariables.SERVER), stored.server());
        return text == null ? null : ServerAddress.parse(text);
    }

    private static @Nullable String firstPresent(@Nullable String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}

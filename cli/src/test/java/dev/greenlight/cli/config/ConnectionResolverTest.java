package dev.greenlight.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.cli.client.Connection;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionResolverTest {
    @TempDir
    private Path directory;

    private ConfigStore store;

    @BeforeEach
    void storeALogin() {
        store = new ConfigStore(new ConfigLocation(directory));
        store.save(new StoredConfig("https://from-file.example", "glk_file_key"));
    }

    @Test
    void usesTheConfigFileWhenNothingOverridesIt() {
        Connection connection = new ConnectionResolver(Map.of(), store).resolve(null, false);

        assertThat(connection.server().toString()).isEqualTo("https://from-file.example");
        assertThat(connection.apiKey().secret()).isEqualTo("glk_file_key");
    }

    @Test
    void environmentOverridesTheFileAndTheFlagOverridesTheEnvironment() {
        Map<String, String> environment = Map.of("GREENLIGHT_SERVER", "https://from-env.example", "GREENLIGHT_API_KEY", "glk_env_key");

        Connection fromEnvironment = new ConnectionResolver(environment, store).resolve(null, false);
        Connection fromFlag = new ConnectionResolver(environment, store).resolve("https://from-flag.example", false);

        assertThat(fromEnvironment.server().toString()).isEqualTo("https://from-env.example");
        assertThat(fromEnvironment.apiKey().secret()).isEqualTo("glk_env_key");
        assertThat(fromFlag.server().toString()).isEqualTo("https://from-flag.example");
    }

    @Test
    void neverSendsASavedKeyToAnotherServer() {
        assertThatThrownBy(() -> new ConnectionResolver(Map.of(), store).resolve("https://elsewhere.example", false))
                .isInstanceOf(KeyForAnotherServerException.class)
                .hasMessage("The saved API key belongs to https://from-file.example, not to https://elsewhere.example.");
    }

    @Test
    void acceptsTheSavedServerSpelledWithATrailingSlash() {
        assertThat(new ConnectionResolver(Map.of(), store).resolve("https://from-file.example/", false).apiKey().secret())
                .isEqualTo("glk_file_key");
    }

    @Test
    void saysWhatIsMissingWhenNotLoggedIn() {
        store.save(new StoredConfig("https://from-file.example", null));

        assertThatThrownBy(() -> new ConnectionResolver(Map.of(), store).resolve(null, false))
                .isInstanceOf(NotLoggedInException.class)
                .hasMessage("Not logged in: no API key is configured.");
    }

    @Test
    void findsTheServerForLoginWithoutReadingABrokenFile() throws Exception {
        java.nio.file.Files.writeString(store.file(), "broken");

        assertThat(new ConnectionResolver(Map.of(), store).server("https://new.example"))
                .hasToString("https://new.example");
    }
}

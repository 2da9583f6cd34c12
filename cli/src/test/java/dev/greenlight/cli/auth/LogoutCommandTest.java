package dev.greenlight.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.config.ConfigLocation;
import dev.greenlight.cli.config.ConfigStore;
import dev.greenlight.cli.config.StoredConfig;
import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogoutCommandTest {
    @TempDir
    private Path configDirectory;

    @Test
    void removesTheKeyAndKeepsTheServer() {
        ConfigStore store = new ConfigStore(new ConfigLocation(configDirectory));
        store.save(new StoredConfig("https://greenlight.example.com", CliRunner.API_KEY));

        CliResult result = CliRunner.withConfigIn(configDirectory).run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Logged out: removed the API key from ");
        assertThat(store.load()).isEqualTo(new StoredConfig("https://greenlight.example.com", null));
    }

    @Test
    void saysSoWhenNotLoggedIn() {
        CliResult result = CliRunner.withConfigIn(configDirectory).run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Not logged in:");
    }

    @Test
    void warnsThatAKeyInTheEnvironmentStillApplies() {
        CliResult result = CliRunner.withConfigIn(configDirectory).env("GREENLIGHT_API_KEY", CliRunner.API_KEY).run("logout");

        assertThat(result.err()).contains("GREENLIGHT_API_KEY is set in this environment").doesNotContain(CliRunner.API_KEY);
    }
}

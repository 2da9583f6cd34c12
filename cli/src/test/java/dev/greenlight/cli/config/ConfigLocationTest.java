package dev.greenlight.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLocationTest {
    @Test
    void explicitDirectoryWins() {
        ConfigLocation location = ConfigLocation.from(Map.of("GREENLIGHT_CONFIG_DIR", "/tmp/gl", "XDG_CONFIG_HOME", "/xdg", "HOME", "/home/u"));

        assertThat(location.file()).isEqualTo(Path.of("/tmp/gl/config.json"));
    }

    @Test
    void followsXdgConfigHome() {
        assertThat(ConfigLocation.from(Map.of("XDG_CONFIG_HOME", "/xdg", "HOME", "/home/u")).file())
                .isEqualTo(Path.of("/xdg/greenlight/config.json"));
    }

    @Test
    void ignoresARelativeXdgConfigHomeAsTheSpecificationSays() {
        assertThat(ConfigLocation.from(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/home/u")).file())
                .isEqualTo(Path.of("/home/u/.config/greenlight/config.json"));
    }

    @Test
    void defaultsToDotConfigInTheHomeDirectory() {
        assertThat(ConfigLocation.from(Map.of()).file())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "greenlight", "config.json"));
    }
}

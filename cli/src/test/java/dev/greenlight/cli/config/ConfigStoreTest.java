package dev.greenlight.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
    @TempDir
    private Path home;

    @Test
    void writesTheKeyToAFileOnlyItsOwnerCanRead() throws Exception {
        Path directory = home.resolve(".config/greenlight");
        ConfigStore store = new ConfigStore(new ConfigLocation(directory));

        store.save(new StoredConfig("https://greenlight.example.com", "glk_a_b"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load()).isEqualTo(new StoredConfig("https://greenlight.example.com", "glk_a_b"));
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void keepsOwnerOnlyModeWhenReplacingAnExistingFile() throws Exception {
        ConfigStore store = new ConfigStore(new ConfigLocation(home));
        Files.writeString(store.file(), "{}");
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save(new StoredConfig("https://x.example", "glk_a_b"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    }

    @Test
    void aMissingFileMeansNothingIsConfigured() {
        assertThat(new ConfigStore(new ConfigLocation(home.resolve("absent"))).load()).isEqualTo(StoredConfig.EMPTY);
    }

    @Test
    void aBrokenFileSaysHowToRecover() throws Exception {
        ConfigStore store = new ConfigStore(new ConfigLocation(home));
        Files.writeString(store.file(), "{not json");

        assertThatThrownBy(store::load).isInstanceOf(ConfigFileException.class).hasMessageContaining("greenlight login");
    }

    @Test
    void deletesTheFileWhenNothingIsLeftToRemember() throws Exception {
        ConfigStore store = new ConfigStore(new ConfigLocation(home));
        store.save(new StoredConfig(null, "glk_a_b"));

        store.save(StoredConfig.EMPTY);

        assertThat(store.file()).doesNotExist();
    }

    @Test
    void describingAConfigNeverShowsTheKey() {
        assertThat(new StoredConfig("https://x.example", "glk_a_b").toString()).doesNotContain("glk_a_b");
    }
}

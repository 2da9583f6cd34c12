package dev.greenlight.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL library starts servers tuned for throwaway test data (fsync off, asynchronous commit).
 * Greenlight's own embedded server must not: an acknowledged write has to survive a crash of the machine.
 */
class EmbeddedPostgresDurabilityTest {

    @TempDir
    Path dataDirectory;

    @Test
    void embeddedServerFlushesEveryCommitToDisk() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory)) {
            assertThat(server.setting("fsync")).isEqualTo("on");
            assertThat(server.setting("synchronous_commit")).isEqualTo("on");
            assertThat(server.setting("full_page_writes")).isEqualTo("on");
        }
    }
}

package dev.greenlight.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.server.testing.InProcessServer;

/**
 * A start that fails after the embedded PostgreSQL is already up (here: the HTTP port is taken) stops that database
 * again, so that it does not outlive the JVM and block the next start.
 */
class FailedStartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startThatFailsAfterTheDatabaseStartedStopsTheDatabase() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Throwable failure = catchThrowable(() -> InProcessServer.on(dataDirectory)
                    .property("greenlight.port", String.valueOf(taken.getLocalPort()))
                    .start());

            assertThat(failure).as("start on a taken port").isNotNull();
        }
        Path cluster = dataDirectory.resolve("postgres");
        assertThat(cluster.resolve("PG_VERSION")).as("the database had been initialised and started").exists();
        assertThat(cluster.resolve("postmaster.pid")).as("postmaster.pid left behind: PostgreSQL still running").doesNotExist();
    }
}

package dev.greenlight.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.EmbeddedPostgresProbe;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.InProcessServer;
import dev.greenlight.server.testing.LocalPorts;

/**
 * An installation on the embedded PostgreSQL is started, used, stopped and started again on the same data directory,
 * as an operator upgrading or rebooting would. The whole story runs once; each test checks one promise about it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {
    private static final String BANNER = "Greenlight first start";
    private static final String PROJECT = "payments";
    private static final List<String> STATE_PATHS = List.of(
            "/api/v1/projects/" + PROJECT,
            "/api/v1/projects/" + PROJECT + "/environments",
            "/api/v1/projects/" + PROJECT + "/releases",
            "/api/v1/projects/" + PROJECT + "/releases/1.4.0");

    @TempDir
    static Path dataDirectory;

    private String firstStartOutput;
    private String secondStartOutput;
    private String keyAfterFirstStart;
    private FileTime keyFileModifiedAfterFirstStart;
    private Map<String, JsonNode> stateBeforeStop;
    private EmbeddedPostgresProbe firstDatabase;
    private int firstHttpPort;
    private boolean databaseRanWhileServing;
    private boolean databasePidFileAfterStop;
    private boolean databaseAcceptedConnectionsAfterStop;
    private boolean httpPortAcceptedConnectionsAfterStop;
    private InProcessServer restarted;

    @BeforeAll
    void startUseStopAndStartAgain(CapturedOutput output) throws IOException {
        try (InProcessServer first = InProcessServer.on(dataDirectory).start()) {
            firstStartOutput = output.getOut();
            keyAfterFirstStart = first.bootstrapKey();
            keyFileModifiedAfterFirstStart = Files.getLastModifiedTime(keyFile());
            Api admin = first.api().as(keyAfterFirstStart);
            createProjectWithEnvironmentsAndRelease(admin);
            stateBeforeStop = read(admin);
            firstDatabase = EmbeddedPostgresProbe.of(first);
            firstHttpPort = first.port();
            databaseRanWhileServing = firstDatabase.hasPidFile() && firstDatabase.acceptsConnections();
        }
        databasePidFileAfterStop = firstDatabase.hasPidFile();
        databaseAcceptedConnectionsAfterStop = firstDatabase.acceptsConnections();
        httpPortAcceptedConnectionsAfterStop = LocalPorts.isListening(firstHttpPort);

        int outputBeforeRestart = output.getOut().length();
        restarted = InProcessServer.on(dataDirectory).start();
        secondStartOutput = output.getOut().substring(outputBeforeRestart);
    }

    @AfterAll
    void stop() {
        if (restarted != null) {
            restarted.close();
        }
    }

    @Test
    void firstStartRunsTheEmbeddedDatabaseUnderTheDataDirectory() {
        assertThat(firstDatabase.clusterDirectory()).isEqualTo(dataDirectory.resolve("postgres"));
        assertThat(firstDatabase.clusterDirectory().resolve("PG_VERSION")).content().isEqualToIgnoringNewLines("17");
        assertThat(databaseRanWhileServing).as("postmaster.pid present and port open while serving").isTrue();
    }

    @Test
    void closingStopsTheEmbeddedDatabaseCleanly() {
        assertThat(databasePidFileAfterStop).as("postmaster.pid left behind after close").isFalse();
        assertThat(databaseAcceptedConnectionsAfterStop).as("PostgreSQL port still open after close").isFalse();
    }

    @Test
    void closingStopsListeningForHttp() {
        assertThat(httpPortAcceptedConnectionsAfterStop).isFalse();
    }

    @Test
    void firstStartPrintsTheBootstrapKeyOnceAndWritesItToAnOwnerOnlyFile() throws IOException {
        assertThat(keyAfterFirstStart).startsWith("glk_");
        assertThat(firstStartOutput).containsOnlyOnce(BANNER).contains(keyAfterFirstStart);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void restartDoesNotPrintTheBootstrapBannerAgain() {
        assertThat(secondStartOutput).doesNotContain(BANNER).doesNotContain(keyAfterFirstStart);
    }

    @Test
    void restartLeavesTheKeyFileUntouched() throws IOException {
        assertThat(keyFile()).content().isEqualToIgnoringNewLines(keyAfterFirstStart);
        assertThat(Files.getLastModifiedTime(keyFile())).isEqualTo(keyFileModifiedAfterFirstStart);
    }

    @Test
    void restartKeepsProjectsEnvironmentsAndReleases() {
        assertThat(read(restarted.api().as(keyAfterFirstStart))).isEqualTo(stateBeforeStop);
    }

    @Test
    void bootstrapKeyStillWorksAfterRestart() {
        HttpResult me = restarted.api().as(keyAfterFirstStart).get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("admin");
        assertThat(me.json().get("workspace").get("slug").asString()).isEqualTo("default");
    }

    @Test
    void restartDoesNotCreateASecondDefaultWorkspaceOrAdministrator() {
        HttpResult workspaces = restarted.api().as(keyAfterFirstStart).get("/api/v1/workspaces");
        assertThat(workspaces.status()).as(workspaces.toString()).isEqualTo(200);
        assertThat(workspaces.json().get("items")).hasSize(1);
    }

    private static void createProjectWithEnvironmentsAndRelease(Api admin) {
        expectCreated(admin.post("/api/v1/projects", Map.of("slug", PROJECT, "name", "Payments")));
        expectCreated(admin.post("/api/v1/projects/" + PROJECT + "/environments", Map.of("name", "staging")));
        expectCreated(admin.post("/api/v1/projects/" + PROJECT + "/environments", Map.of("name", "prod", "after", "staging")));
        expectCreated(admin.post("/api/v1/projects/" + PROJECT + "/releases", Map.of(
                "version", "1.4.0",
                "commitSha", "3f786850e387550fdab836ed7e6dc881de23001b",
                "commitTime", "2026-11-20T10:15:30Z",
                "author", "dana",
                "artifacts", List.of(Map.of("name", "payments.jar", "sha256", "ab".repeat(32))))));
    }

    private static Map<String, JsonNode> read(Api admin) {
        return STATE_PATHS.stream().collect(Collectors.toMap(path -> path, path -> {
            HttpResult result = admin.get(path);
            assertThat(result.status()).as(path + " " + result).isEqualTo(200);
            return result.json();
        }));
    }

    private static void expectCreated(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
    }

    private Path keyFile() {
        return dataDirectory.resolve(InProcessServer.KEY_FILE_NAME);
    }
}

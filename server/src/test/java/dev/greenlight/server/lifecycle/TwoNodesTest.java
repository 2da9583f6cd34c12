package dev.greenlight.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.InProcessServer;
import dev.greenlight.server.testing.TestPostgres;

/**
 * Two servers started at the same moment against one external PostgreSQL, each with its own data directory and
 * port, behave as one installation: one bootstrap, and every piece of state is shared through the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesTest {
    private static final String BANNER = "Greenlight first start";

    @TempDir
    static Path dataDirectoryOfA;
    @TempDir
    static Path dataDirectoryOfB;

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    private InProcessServer nodeA;
    private InProcessServer nodeB;
    private String startOutput;

    @BeforeAll
    void startBothNodesTogether(CapturedOutput output) throws Exception {
        // Spring Boot's logging system is global to the JVM and its initialisation is not safe for two applications
        // starting at the same moment in one JVM ("Unable to find Spring Environment in logger context"). Two real
        // nodes are two JVMs; here the nodes leave logging as it is, which is all this test needs.
        System.setProperty(LOGGING_SYSTEM, "none");
        String databaseUrl = TestPostgres.newDatabaseUrl();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<InProcessServer> a = CompletableFuture.supplyAsync(() -> node(dataDirectoryOfA, databaseUrl), starters);
            CompletableFuture<InProcessServer> b = CompletableFuture.supplyAsync(() -> node(dataDirectoryOfB, databaseUrl), starters);
            CompletableFuture.allOf(a, b).exceptionally(failure -> null).get(120, TimeUnit.SECONDS);
            nodeA = a.getNow(null);
            nodeB = b.getNow(null);
            a.join();
            b.join();
        } finally {
            starters.shutdown();
            System.clearProperty(LOGGING_SYSTEM);
        }
        startOutput = output.getOut();
    }

    @AfterAll
    void stopBothNodes() {
        for (InProcessServer node : new InProcessServer[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void exactlyOneNodeBootstrapsTheInstallation() {
        Optional<String> keyOfA = InProcessServer.readKeyFile(dataDirectoryOfA);
        Optional<String> keyOfB = InProcessServer.readKeyFile(dataDirectoryOfB);
        assertThat(keyOfA.isPresent() ^ keyOfB.isPresent()).as("exactly one key file among the two data directories").isTrue();
        assertThat(startOutput).containsOnlyOnce(BANNER);
        String key = keyOfA.or(() -> keyOfB).orElseThrow();
        for (InProcessServer node : List.of(nodeA, nodeB)) {
            HttpResult workspaces = node.api().as(key).get("/api/v1/workspaces");
            assertThat(workspaces.status()).as(workspaces.toString()).isEqualTo(200);
            assertThat(workspaces.json().get("items")).as("one default workspace").hasSize(1);
        }
    }

    @Test
    void bothNodesAreReady() {
        assertThat(nodeA.api().get("/readyz").status()).isEqualTo(200);
        assertThat(nodeB.api().get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void projectCreatedOnOneNodeIsReadOnTheOther() {
        String slug = Fixtures.unique("shared");
        HttpResult created = adminOn(nodeA).post("/api/v1/projects", Map.of("slug", slug, "name", "Shared"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        HttpResult read = adminOn(nodeB).get("/api/v1/projects/" + slug);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @Test
    void apiKeyIssuedOnOneNodeWorksOnTheOther() {
        HttpResult issued = adminOn(nodeB).post("/api/v1/api-keys", Map.of("name", Fixtures.unique("issued-on-b")));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.json().get("token").asString();

        HttpResult me = nodeA.api().as(token).get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo("admin");
    }

    @Test
    void retryOnTheOtherNodeReplaysTheFirstResponse() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("slug", Fixtures.unique("retried"), "name", "Retried");

        HttpResult first = adminOn(nodeA).header("Idempotency-Key", idempotencyKey).post("/api/v1/projects", body);
        HttpResult retry = adminOn(nodeB).header("Idempotency-Key", idempotencyKey).post("/api/v1/projects", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }

    private static InProcessServer node(Path dataDirectory, String databaseUrl) {
        return InProcessServer.on(dataDirectory).externalDatabase(databaseUrl).withoutRateLimits().start();
    }

    private Api adminOn(InProcessServer node) {
        String key = InProcessServer.readKeyFile(dataDirectoryOfA).or(() -> InProcessServer.readKeyFile(dataDirectoryOfB)).orElseThrow();
        return node.api().as(key);
    }
}

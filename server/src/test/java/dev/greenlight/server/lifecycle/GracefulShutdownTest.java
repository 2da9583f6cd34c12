package dev.greenlight.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.PublicEndpoint;
import dev.greenlight.server.testing.EmbeddedPostgresProbe;
import dev.greenlight.server.testing.InProcessServer;

/**
 * Closing the application (what SIGTERM does) lets a request that is already running finish with its full response,
 * and only then stops the embedded PostgreSQL, cleanly.
 */
class GracefulShutdownTest {
    static final String PROFILE = "graceful-shutdown-test";
    static final Duration WORK = Duration.ofMillis(1500);

    @TempDir
    Path dataDirectory;

    @Test
    void inFlightRequestFinishesAndTheEmbeddedDatabaseStopsAfterIt() throws Exception {
        InProcessServer server = InProcessServer.on(dataDirectory).profile(PROFILE).source(SlowEndpoint.class).start();
        EmbeddedPostgresProbe database = EmbeddedPostgresProbe.of(server);
        SlowEndpoint endpoint = server.context().getBean(SlowEndpoint.class);
        Instant closed;
        try (HttpClient client = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> response = client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + SlowEndpoint.PATH)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(endpoint.started.await(30, TimeUnit.SECONDS)).as("the slow request reached its handler").isTrue();

            server.close();
            closed = Instant.now();

            HttpResponse<String> finished = response.get(10, TimeUnit.SECONDS);
            assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
            assertThat(finished.body()).isEqualTo(SlowEndpoint.BODY_PREFIX + "42");
        } finally {
            server.close();
        }
        assertThat(endpoint.finished).as("the handler returned before close() did").isNotNull().isBefore(closed);
        assertThat(database.hasPidFile()).as("postmaster.pid left behind").isFalse();
        assertThat(database.acceptsConnections()).as("PostgreSQL still listening").isFalse();
    }

    /**
     * A handler that works longer than a shutdown takes to begin, then needs the database: its answer proves that the
     * database was still up when the request ended. Active only in this test's context.
     */
    @RestController
    @Profile(PROFILE)
    static class SlowEndpoint {
        static final String PATH = "/test/slow";
        static final String BODY_PREFIX = "worked " + WORK.toMillis() + " ms, then the database answered ";

        final CountDownLatch started = new CountDownLatch(1);
        volatile Instant finished;
        private final JdbcClient jdbc;

        SlowEndpoint(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping(PATH)
        @PublicEndpoint("test only: a request still running when shutdown begins")
        String work() throws InterruptedException {
            started.countDown();
            Thread.sleep(WORK);
            int answer = jdbc.sql("select 42").query(Integer.class).single();
            finished = Instant.now();
            return BODY_PREFIX + answer;
        }
    }
}

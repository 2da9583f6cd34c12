package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.TestPacks;

/** The release event stream over HTTP: who may open it, and which events reach it. */
class LiveUpdatesTest extends IntegrationTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theStreamNeedsTheSessionOfSomeoneWhoMayReadTheProject() throws Exception {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);

        assertThat(open(project, "1.0.0", null, null).statusCode()).as("no session").isEqualTo(401);
        assertThat(open(project, "1.0.0", null, "Bearer " + bootstrapKey()).statusCode()).as("an API key").isEqualTo(403);
        String outsider = scenario.user("developer", null);
        HttpResponse<InputStream> refused = open(project, "1.0.0", scenario.signedIn(outsider), null);
        assertThat(refused.statusCode()).as("a session without project:read").isIn(403, 404);
        String developer = scenario.user("developer", project);
        assertThat(open(project, "9.9.9", scenario.signedIn(developer), null).statusCode()).as("no such release").isEqualTo(404);
    }

    @Test
    void anEvidenceUploadReachesTheStreamOfItsReleaseOnlyAfterCommitAndNothingElseDoes() throws Exception {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        fixtures.release(project, "2.0.0");
        String developer = scenario.user("developer", project);
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'default'").query(UUID.class).single();

        try (Events events = Events.read(open(project, "1.0.0", scenario.signedIn(developer), null))) {
            assertThat(events.next()).isEqualTo("ready:");
            // A change that was rolled back, one of another workspace and one of another release: none is delivered.
            transactions.executeWithoutResult(transaction -> {
                publisher.publishEvent(new ReleaseChanged(workspace, project, "1.0.0", "prod", ReleaseChanged.Kind.DECISIONS));
                transaction.setRollbackOnly();
            });
            transactions.executeWithoutResult(transaction -> publisher.publishEvent(
                    new ReleaseChanged(UUID.randomUUID(), project, "1.0.0", "prod", ReleaseChanged.Kind.WAIVERS)));
            HttpResult other = admin().postBytes("/api/v1/projects/" + project + "/releases/2.0.0/evidence", TestPacks.junit(0),
                    "application/xml");
            assertThat(other.status()).as(other.toString()).isEqualTo(201);

            HttpResult uploaded = admin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(2),
                    "application/xml");
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            assertThat(events.next()).as("the first event after 'ready'").isEqualTo("evidence:");

            // The same bytes again change nothing, so announce nothing; the next event is the next change.
            assertThat(admin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(2),
                    "application/xml").status()).isEqualTo(200);
            transactions.executeWithoutResult(transaction -> publisher.publishEvent(
                    new ReleaseChanged(workspace, project, "1.0.0", "prod", ReleaseChanged.Kind.APPROVALS)));
            assertThat(events.next()).isEqualTo("approvals:prod");
        }
    }

    @Test
    void aSessionHoldsAtMostFiveStreams() throws Exception {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession session = scenario.signedIn(scenario.user("developer", project));
        List<Events> open = new ArrayList<>();
        try {
            for (int i = 0; i < LiveUpdates.PER_SESSION; i++) {
                Events events = Events.read(open(project, "1.0.0", session, null));
                open.add(events);
                assertThat(events.next()).isEqualTo("ready:");
            }
            assertThat(open(project, "1.0.0", session, null).statusCode()).isEqualTo(429);
        } finally {
            open.forEach(Events::close);
        }
    }

    @Test
    void aSectionOfTheReleasePageCanBeFetchedAlone() {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession session = scenario.signedIn(scenario.user("developer", project));
        HttpResult evidence = session.getPage(DashboardScenario.releasePage(project) + "/sections/evidence?environment=prod");
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        assertThat(evidence.body()).contains("data-live-section=\"evidence\"").contains("junit").doesNotContain("<html");
        HttpResult waivers = session.getPage(DashboardScenario.releasePage(project) + "/sections/waivers?environment=prod");
        assertThat(waivers.body()).contains("data-live-section=\"waivers\"").contains("No waivers for this environment.");
        assertThat(session.getPage(DashboardScenario.releasePage(project) + "/sections/nope?environment=prod").status()).isEqualTo(404);
        assertThat(api.get(DashboardScenario.releasePage(project) + "/sections/evidence").status()).isEqualTo(401);
        String page = DashboardScenario.page(session, DashboardScenario.releasePage(project) + "?environment=prod");
        assertThat(page).contains("data-live-stream=\"/events/releases/" + project + "/1.0.0\"").contains("src=\"/js/live-updates.js\"");
    }

    private HttpResponse<InputStream> open(String project, String version, BrowserSession session, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/events/releases/" + project + "/" + version))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET();
        if (session != null) {
            request.header("Cookie", BrowserSession.SESSION_COOKIE + "=" + session.sessionId().orElseThrow());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }

    /** The events of a stream as "name:data", read by a background thread; heartbeats (comments) are skipped. */
    private static final class Events implements AutoCloseable {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final InputStream body;

        private Events(InputStream body) {
            this.body = body;
        }

        static Events read(HttpResponse<InputStream> response) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            Events events = new Events(response.body());
            Thread.ofVirtual().start(events::pump);
            return events;
        }

        private void pump() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            queue.add(name + ":" + data);
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        name = name == null ? "message" : name;
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                // closed by the test
            }
        }

        String next() throws InterruptedException {
            String event = queue.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an event within 10 s").isNotNull();
            return event;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

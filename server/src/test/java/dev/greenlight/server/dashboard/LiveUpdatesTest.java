package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

        try (ReleaseEventStream events = ReleaseEventStream.read(open(project, "1.0.0", scenario.signedIn(developer), null))) {
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
        List<ReleaseEventStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < LiveUpdates.PER_SESSION; i++) {
                ReleaseEventStream events = ReleaseEventStream.read(open(project, "1.0.0", session, null));
                open.add(events);
                assertThat(events.next()).isEqualTo("ready:");
            }
            assertThat(open(project, "1.0.0", session, null).statusCode()).isEqualTo(429);
        } finally {
            open.forEach(ReleaseEventStream::close);
        }
    }

    @Test
    void everyStreamIsToldToCatchUpWhenTheNodeMissedChanges() throws Exception {
        DashboardScenario scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession session = scenario.signedIn(scenario.user("developer", project));

        try (ReleaseEventStream events = ReleaseEventStream.follow(api.baseUrl(), project, DashboardScenario.VERSION, session)) {
            // Cut this node's connection to PostgreSQL's notifications; it reconnects by itself.
            jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'greenlight-release-changes' "
                    + "and datname = current_database()").query(Boolean.class).list();

            assertThat(events.next()).isEqualTo(LiveUpdates.RESYNC + ":");
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
        return ReleaseEventStream.open(api.baseUrl(), project, version, session, authorization);
    }
}

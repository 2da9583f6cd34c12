package dev.greenlight.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.greenlight.server.events.ReleaseChanged;
import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.BrowserSession;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.testing.ServerProcess;
import dev.greenlight.server.testing.TestPacks;

/**
 * Live updates across stateless nodes on one PostgreSQL: this test's application is node A; node B is the same
 * server in a JVM of its own on A's database. A change committed through either node reaches the release streams
 * on both, a rolled-back one reaches none, and nothing crosses workspaces.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiNodeLiveUpdatesTest extends IntegrationTest {
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path nodeBDirectory;
    private ServerProcess nodeB;
    private DashboardScenario scenario;

    @BeforeAll
    void startNodeB() {
        nodeB = ServerProcess.start(environment.getProperty("greenlight.database.url"), nodeBDirectory, Map.of());
    }

    @AfterAll
    void stopNodeB() throws InterruptedException {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void scenario() {
        scenario = new DashboardScenario(admin(), fixtures, api.baseUrl());
    }

    @Test
    void evidenceUploadedThroughOneNodeReachesTheStreamsOnBoth() throws Exception {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession developer = scenario.signedIn(scenario.user("developer", project));

        try (ReleaseEventStream onA = ReleaseEventStream.follow(api.baseUrl(), project, DashboardScenario.VERSION, developer);
             // The session was started on A; sessions live in the database, so B knows it too.
             ReleaseEventStream onB = ReleaseEventStream.follow(nodeB.api().baseUrl(), project, DashboardScenario.VERSION, developer)) {
            HttpResult throughB = nodeBAdmin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(2), "application/xml");
            assertThat(throughB.status()).as(throughB.toString()).isEqualTo(201);

            assertThat(onA.next()).as("node A hears evidence uploaded through node B").isEqualTo("evidence:");
            assertThat(onB.next()).isEqualTo("evidence:");

            HttpResult throughA = admin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(3), "application/xml");
            assertThat(throughA.status()).as(throughA.toString()).isEqualTo(201);

            assertThat(onB.next()).as("node B hears evidence uploaded through node A").isEqualTo("evidence:");
            assertThat(onA.next()).isEqualTo("evidence:");
        }
    }

    @Test
    void aRolledBackChangeReachesNoNode() throws Exception {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession developer = scenario.signedIn(scenario.user("developer", project));
        UUID workspace = jdbc.sql("select id from workspaces where slug = 'default'").query(UUID.class).single();

        try (ReleaseEventStream onA = ReleaseEventStream.follow(api.baseUrl(), project, DashboardScenario.VERSION, developer);
             ReleaseEventStream onB = ReleaseEventStream.follow(nodeB.api().baseUrl(), project, DashboardScenario.VERSION, developer)) {
            // The NOTIFY is issued inside this transaction; PostgreSQL drops it with the rollback.
            transactions.executeWithoutResult(transaction -> {
                publisher.publishEvent(new ReleaseChanged(workspace, project, DashboardScenario.VERSION, "prod", ReleaseChanged.Kind.DECISIONS));
                transaction.setRollbackOnly();
            });
            transactions.executeWithoutResult(transaction -> publisher.publishEvent(
                    new ReleaseChanged(workspace, project, DashboardScenario.VERSION, "prod", ReleaseChanged.Kind.APPROVALS)));

            assertThat(onB.next()).as("the first event after the rollback is the committed change").isEqualTo("approvals:prod");
            assertThat(onA.next()).isEqualTo("approvals:prod");
            onA.assertNothingWithin(QUIET);
            onB.assertNothingWithin(Duration.ZERO);
        }
    }

    @Test
    void aSubscriberOfAnotherWorkspaceSeesNothingOfThisOne() throws Exception {
        String project = scenario.gatedProject();
        scenario.releaseWithTests(project, 1);
        BrowserSession here = scenario.signedIn(scenario.user("developer", project));
        // Another workspace with a project of the same slug and a release of the same version.
        String tenant = Fixtures.unique("tenant");
        HttpResult created = admin().post("/api/v1/workspaces", Map.of("slug", tenant, "name", "Tenant"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api tenantAdmin = nodeB.api().as(created.json().get("apiKey").asString());
        assertThat(tenantAdmin.post("/api/v1/projects", Map.of("slug", project, "name", "Same slug")).status()).isEqualTo(201);
        assertThat(tenantAdmin.post("/api/v1/projects/" + project + "/releases",
                Map.of("version", DashboardScenario.VERSION, "commitSha", "b".repeat(40))).status()).isEqualTo(201);
        String neighbour = Fixtures.unique("neighbour");
        assertThat(tenantAdmin.post("/api/v1/users", Map.of("name", neighbour, "password", DashboardScenario.PASSWORD)).status()).isEqualTo(201);
        assertThat(tenantAdmin.put("/api/v1/projects/" + project + "/members/" + neighbour, Map.of("roles", List.of("developer"))).status())
                .isEqualTo(200);
        BrowserSession there = new BrowserSession(api.baseUrl());
        HttpResult signedIn = there.signIn(tenant, neighbour, DashboardScenario.PASSWORD, there.csrfTokenFromSignInPage());
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);

        try (ReleaseEventStream ours = ReleaseEventStream.follow(api.baseUrl(), project, DashboardScenario.VERSION, here);
             ReleaseEventStream theirs = ReleaseEventStream.follow(api.baseUrl(), project, DashboardScenario.VERSION, there)) {
            HttpResult upload = nodeBAdmin().postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(2), "application/xml");
            assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
            assertThat(ours.next()).isEqualTo("evidence:");

            HttpResult theirUpload = tenantAdmin.postBytes(DashboardScenario.releasePath(project) + "/evidence", TestPacks.junit(0), "application/xml");
            assertThat(theirUpload.status()).as(theirUpload.toString()).isEqualTo(201);

            // Changes arrive in commit order: had ours leaked, it would come before theirs.
            assertThat(theirs.next()).isEqualTo("evidence:");
            theirs.assertNothingWithin(QUIET);
            ours.assertNothingWithin(Duration.ZERO);
        }
    }

    private Api nodeBAdmin() {
        return nodeB.api().as(bootstrapKey());
    }
}

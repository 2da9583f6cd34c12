package dev.greenlight.server.waivers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.Project;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.releases.Release;
import dev.greenlight.server.releases.Releases;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.workspaces.Workspaces;
import tools.jackson.databind.JsonNode;

/**
 * Base of the waiver and approval tests: the application with {@link GatePortFakes} in place of the gates, shared by
 * every class that extends this, and helpers to read what the ledger recorded.
 */
@Import(GatePortFakes.class)
public abstract class GatePortsIntegrationTest extends IntegrationTest {
    @Autowired
    private Workspaces workspaces;
    @Autowired
    private ProjectCatalog projects;
    @Autowired
    private Releases releases;
    @Autowired
    private Environments environments;

    protected Team team;

    @BeforeEach
    void team() {
        team = new Team(api, bootstrapKey());
    }

    /** The project's ledger entries of one kind, in the order they were appended. */
    protected List<JsonNode> ledgerEntries(String project, String kind) {
        JsonNode page = admin().get("/api/v1/ledger/default/entries?limit=200&kind=" + kind + "&project=" + project).json();
        return page.get("items").values().stream().toList();
    }

    /** How many entries the project has in the ledger, of every kind. */
    protected int ledgerSize(String project) {
        return admin().get("/api/v1/ledger/default/entries?limit=200&project=" + project).json().get("items").size();
    }

    /** Release 1.0.0 of the project as it is now, the way the gates would read it. */
    protected Release release(String project) {
        return releases.require(project(project), "1.0.0");
    }

    protected Environment environment(String project, String name) {
        return environments.require(project(project), name);
    }

    private Project project(String slug) {
        return projects.require(workspaces.findBySlug("default").orElseThrow().id(), slug);
    }

    protected static Map<String, Object> waiverRequest(String environment, String rule, Instant expiresAt) {
        return Map.of("environment", environment, "rule", rule, "reason", "The finding is not reachable from our code.",
                "ticket", "SEC-123", "expiresAt", expiresAt.toString());
    }

    protected static String waivers(String project) {
        return "/api/v1/projects/" + project + "/releases/1.0.0/waivers";
    }

    protected static String approvals(String project) {
        return "/api/v1/projects/" + project + "/releases/1.0.0/approvals";
    }
}

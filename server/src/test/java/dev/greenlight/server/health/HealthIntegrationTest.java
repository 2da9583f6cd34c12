package dev.greenlight.server.health;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;

import dev.greenlight.server.projects.Environment;
import dev.greenlight.server.projects.Environments;
import dev.greenlight.server.projects.ProjectCatalog;
import dev.greenlight.server.testing.IntegrationTest;
import dev.greenlight.server.workspaces.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the health integration tests: the shared application context (nothing added, so it is the one every
 * {@link IntegrationTest} uses), the service under test, and helpers for paths, environments and the ledger.
 */
abstract class HealthIntegrationTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected VersionHealth versionHealth;
    @Autowired
    private Workspaces workspaces;
    @Autowired
    private ProjectCatalog projects;
    @Autowired
    private Environments environments;

    /** A new project with environments staging and prod. */
    protected String project() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        fixtures.environment(project, "prod");
        return project;
    }

    protected Environment environment(String project, String name) {
        return environments.require(projects.require(workspaces.findBySlug("default").orElseThrow().id(), project), name);
    }

    protected static String healthSource(String project, String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment + "/health-source";
    }

    protected static String samples(String project, String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment + "/health/samples";
    }

    /** The project's ledger entries of one kind, oldest first. */
    protected List<JsonNode> ledgerEntries(String project, String kind) {
        JsonNode page = admin().get("/api/v1/ledger/default/entries?limit=200&kind=" + kind + "&project=" + project).json();
        return page.get("items").values().stream().toList();
    }

    protected int ledgerSize(String project) {
        return admin().get("/api/v1/ledger/default/entries?limit=200&project=" + project).json().get("items").size();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> subject(JsonNode entry) {
        return JSON.convertValue(entry.get("entry").get("subject"), Map.class);
    }
}

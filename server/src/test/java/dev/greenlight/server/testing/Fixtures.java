package dev.greenlight.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the state a test needs through the public API, as a user would, with unique names per call. */
public final class Fixtures {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Api api;
    private final String adminKey;

    public Fixtures(Api api, String adminKey) {
        this.api = api;
        this.adminKey = adminKey;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public String project() {
        String slug = unique("project");
        HttpResult created = api.as(adminKey).post("/api/v1/projects", Map.of("slug", slug, "name", "Project " + slug));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return slug;
    }

    public void environment(String project, String name) {
        HttpResult created = api.as(adminKey).post("/api/v1/projects/" + project + "/environments", Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    public void release(String project, String version) {
        HttpResult created = api.as(adminKey).post("/api/v1/projects/" + project + "/releases",
                Map.of("version", version, "commitSha", "a".repeat(40)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    /** A new service account holding {@code role} on {@code project} (workspace-wide when project is null); its key. */
    public String keyWithRole(String role, String project) {
        String name = unique("bot");
        HttpResult account = api.as(adminKey).post("/api/v1/service-accounts", Map.of("name", name));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        String path = project == null ? "/api/v1/workspace/members/" + name : "/api/v1/projects/" + project + "/members/" + name;
        HttpResult granted = api.as(adminKey).put(path, Map.of("roles", List.of(role)));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return keyFor(name, List.of("*"));
    }

    /** A new service account with no role at all; its key. */
    public String keyWithoutRoles() {
        String name = unique("stranger");
        assertThat(api.as(adminKey).post("/api/v1/service-accounts", Map.of("name", name)).status()).isEqualTo(201);
        return keyFor(name, List.of("*"));
    }

    public String keyFor(String serviceAccount, List<String> scopes) {
        HttpResult key = api.as(adminKey).post("/api/v1/service-accounts/" + serviceAccount + "/api-keys",
                Map.of("name", "test", "scopes", scopes));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().get("token").asString();
    }
}

package dev.greenlight.server.waivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.greenlight.server.testing.Api;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;

/**
 * People of a project for waiver and approval tests, made through the API as an administrator would: a service
 * account or a user with an e-mail address, holding the given roles on the project (workspace-wide when the project is
 * null), with an API key.
 */
public final class Team {
    private final Api api;
    private final String adminKey;

    public Team(Api api, String adminKey) {
        this.api = api;
        this.adminKey = adminKey;
    }

    /** A member: their name, their API key, and the API to call as them. */
    public record Member(String name, String key, Api api) {
    }

    /** A new project with environments staging and prod, and release 1.0.0 registered by the administrator. */
    public String project() {
        Api admin = api.as(adminKey);
        String project = Fixtures.unique("team");
        assertThat(admin.post("/api/v1/projects", Map.of("slug", project, "name", "Team " + project)).status()).isEqualTo(201);
        for (String environment : List.of("staging", "prod")) {
            assertThat(admin.post("/api/v1/projects/" + project + "/environments", Map.of("name", environment)).status()).isEqualTo(201);
        }
        HttpResult release = admin.post("/api/v1/projects/" + project + "/releases", Map.of("version", "1.0.0", "commitSha", "a".repeat(40),
                "artifacts", List.of(Map.of("name", "app.jar", "sha256", "1".repeat(64)))));
        assertThat(release.status()).as(release.toString()).isEqualTo(201);
        return project;
    }

    public Member serviceAccount(String project, String... roles) {
        String name = Fixtures.unique("bot");
        created(api.as(adminKey).post("/api/v1/service-accounts", Map.of("name", name)));
        return member(project, "service-accounts", name, roles);
    }

    public Member user(String project, String email, String... roles) {
        String name = Fixtures.unique("person");
        created(api.as(adminKey).post("/api/v1/users", Map.of("name", name, "email", email)));
        return member(project, "users", name, roles);
    }

    private Member member(String project, String kind, String name, String... roles) {
        if (roles.length > 0) {
            String members = project == null ? "/api/v1/workspace/members/" : "/api/v1/projects/" + project + "/members/";
            HttpResult granted = api.as(adminKey).put(members + name, Map.of("roles", Arrays.asList(roles)));
            assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        }
        HttpResult key = api.as(adminKey).post("/api/v1/" + kind + "/" + name + "/api-keys", Map.of("name", "test", "scopes", List.of("*")));
        created(key);
        String token = key.json().get("token").asString();
        return new Member(name, token, api.as(token));
    }

    private static void created(HttpResult result) {
        assertThat(result.status()).as(result.toString()).isEqualTo(201);
    }
}

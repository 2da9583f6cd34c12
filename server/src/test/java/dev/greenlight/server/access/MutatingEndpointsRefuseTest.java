package dev.greenlight.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.greenlight.server.platform.Permission;
import dev.greenlight.server.platform.RequiresPermission;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;

/**
 * For every mutating endpoint the application has (found from its handler mappings, so new endpoints are covered
 * without touching this test): no credentials → 401, and a credential that lacks the declared permission → 403.
 * The refusal comes before the body is read, so the test sends an empty object.
 */
class MutatingEndpointsRefuseTest extends IntegrationTest {
    private static final Set<RequestMethod> MUTATING = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Map<String, String> variables;
    private String projectViewerKey;
    private String strangerKey;
    private String workspaceViewerKey;
    private String workspaceAdminKey;
    private String readOnlyScopedKey;

    @BeforeEach
    void existingThingsToAimAt() {
        String project = fixtures.project();
        fixtures.environment(project, "staging");
        fixtures.release(project, "1.0.0");
        String member = Fixtures.unique("member");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", member)).status()).isEqualTo(201);
        String keyId = admin().post("/api/v1/api-keys", Map.of("name", "target")).json().get("id").asString();
        variables = Map.ofEntries(Map.entry("project", project), Map.entry("environment", "staging"), Map.entry("version", "1.0.0"),
                Map.entry("kind", "service-accounts"), Map.entry("name", member), Map.entry("principal", member), Map.entry("id", keyId),
                Map.entry("workspace", "default"), Map.entry("keyId", java.util.UUID.randomUUID().toString()),
                Map.entry("namespace", "acme"));
        projectViewerKey = fixtures.keyWithRole("viewer", project);
        strangerKey = fixtures.keyWithoutRoles();
        workspaceViewerKey = fixtures.keyWithRole("viewer", null);
        workspaceAdminKey = fixtures.keyWithRole("workspace-admin", null);
        String scoped = Fixtures.unique("scoped");
        assertThat(admin().post("/api/v1/service-accounts", Map.of("name", scoped)).status()).isEqualTo(201);
        assertThat(admin().put("/api/v1/workspace/members/" + scoped, Map.of("roles", List.of("workspace-admin"))).status()).isEqualTo(200);
        readOnlyScopedKey = fixtures.keyFor(scoped, List.of("project:read"));
    }

    @Test
    void everyMutatingEndpointRefusesMissingCredentialsWith401AndMissingPermissionWith403() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequiresPermission required = entry.getValue().getMethodAnnotation(RequiresPermission.class);
            if (required == null) {
                continue;
            }
            for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                if (!MUTATING.contains(method)) {
                    continue;
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    String path = concrete(pattern);
                    checked++;
                    HttpResult anonymous = api.anonymous().send(method.name(), path, Map.of());
                    expect(failures, method + " " + path + " without credentials", anonymous, 401, "urn:greenlight:problem:unauthenticated");
                    if (required.value() == Permission.PROJECT_READ) {
                        // A computation that changes nothing (a replay): only who cannot see the project is refused,
                        // and to them the project does not exist.
                        HttpResult stranger = api.as(strangerKey).send(method.name(), path, Map.of());
                        expect(failures, method + " " + path + " by a stranger", stranger, 404, "urn:greenlight:problem:not-found");
                        continue;
                    }
                    HttpResult lacking = api.as(keyLacking(required.value())).send(method.name(), path, Map.of());
                    expect(failures, method + " " + path + " lacking " + required.value().scopeName(), lacking, 403, "urn:greenlight:problem:forbidden");
                }
            }
        }
        assertThat(checked).as("mutating endpoints found").isGreaterThan(15);
        assertThat(failures).isEmpty();
    }

    /** A credential that can see the target but lacks the permission: the weakest role, or too narrow a scope. */
    private String keyLacking(Permission permission) {
        return switch (permission.scope()) {
            case PROJECT -> projectViewerKey;
            case WORKSPACE -> workspaceViewerKey;
            case INSTANCE -> workspaceAdminKey;
            case SIGNED_IN -> readOnlyScopedKey;
        };
    }

    private String concrete(String pattern) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            assertThat(value).as("a value for path variable {%s} of %s", matcher.group(1), pattern).isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static void expect(List<String> failures, String what, HttpResult result, int status, String type) {
        boolean matches = result.status() == status
                && String.valueOf(result.contentType()).startsWith("application/problem+json")
                && type.equals(result.json().get("type").asString());
        if (!matches) {
            failures.add(what + ": expected " + status + " " + type + " but got " + result);
        }
    }
}

package dev.greenlight.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.greenlight.server.testing.HttpResult;
import dev.greenlight.server.testing.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console log says about requests: JSON lines tagged with the request id the client saw, and never a
 * credential, even with the most talkative loggers on (an operator debugging production turns them on).
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestLogLinesTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Loggers that write about every request, down to Tomcat's dump of the raw request head (when JUL passes it on). */
    private static final List<String> TALKATIVE_LOGGERS = List.of("org.springframework.web", "org.springframework.security",
            "org.apache.coyote.http11", "dev.greenlight");

    @Autowired
    LoggingSystem loggingSystem;

    @Test
    void logLinesOfARequestCarryTheRequestIdItsResponseEchoed(CapturedOutput output) {
        HttpResult withClientId = talkatively(() -> admin().header("X-Request-Id", "ci-run-77.fetch").get("/api/v1/me"));
        HttpResult withServerId = talkatively(() -> api.anonymous().get("/api/v1/projects"));

        for (HttpResult response : List.of(withClientId, withServerId)) {
            String requestId = response.header("X-Request-Id");
            List<JsonNode> lines = jsonLines(output).stream()
                    .filter(line -> line.has("requestId") && line.get("requestId").asString().equals(requestId))
                    .toList();

            assertThat(lines).as("log lines of request %s", requestId).isNotEmpty();
            assertThat(lines).allSatisfy(line -> assertThat(line.get("traceId").asString()).matches("[0-9a-f]{32}"));
            assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asString()).contains("/api/v1/"));
        }
        assertThat(withClientId.header("X-Request-Id")).isEqualTo("ci-run-77.fetch");
    }

    @Test
    void requestsCarryingAnApiKeyNeverPutItsSecretInTheLog(CapturedOutput output) {
        String key = fixtures.keyWithoutRoles();

        String issued = talkatively(() -> {
            api.as(key).get("/api/v1/me");
            api.as(key).get("/api/v1/projects?api_key=" + key);
            api.as(key.substring(0, key.length() - 1)).get("/api/v1/me");
            return api.as(key).post("/api/v1/api-keys", Map.of("name", "logged?", "scopes", List.of("self")));
        }).json().get("token").asString();

        assertThat(output.getAll()).doesNotContain(secretOf(key)).doesNotContain(secretOf(issued))
                .doesNotContain(secretOf(key).substring(0, 51));
        assertThat(output.getAll()).as("the request line with the misplaced key was logged, redacted")
                .contains("GET /api/v1/projects?api_key=*** ");
    }

    private <T> T talkatively(Supplier<T> action) {
        TALKATIVE_LOGGERS.forEach(logger -> loggingSystem.setLogLevel(logger, LogLevel.TRACE));
        try {
            return action.get();
        } finally {
            TALKATIVE_LOGGERS.forEach(logger -> loggingSystem.setLogLevel(logger, null));
        }
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
    }

    private static String secretOf(String token) {
        return token.substring("glk_".length() + 17);
    }
}

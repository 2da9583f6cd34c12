package dev.greenlight.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.server.testing.Fixtures;

/** {@code greenlight jobs dead-letters} and {@code greenlight jobs replay} through the real CLI against the real server. */
class DeadLetterCliTest extends JobsIntegrationTest {

    @TempDir
    Path configDirectory;

    @AfterEach
    void breakTheFlakyHandlerAgain() {
        runs.broken().set(true);
    }

    @Test
    void listsDeadLettersAndReplaysOneOnce() throws Exception {
        String key = Fixtures.unique("flaky");
        queue.enqueue(now(TestJobs.FLAKY, key, "{}", JobPriority.BULK, defaultWorkspace()));
        String id = DeadLetterTest.awaitDeadLetter(admin(), key).get("id").asString();

        Result table = cli(bootstrapKey(), "jobs", "dead-letters");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).contains("ID", "KIND", "KEY", "ATTEMPTS", "FAILED", "REPLAYED", id, TestJobs.FLAKY, key, "java.io.IOException");

        Result json = cli(bootstrapKey(), "jobs", "dead-letters", "--output", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).startsWith("[").contains("\"id\": \"" + id + "\"", "\"priority\": \"bulk\"");

        runs.broken().set(false);
        Result replayed = cli(bootstrapKey(), "jobs", "replay", id);
        assertThat(replayed.exitCode()).as(replayed.toString()).isZero();
        assertThat(replayed.out()).contains("Replayed dead letter " + id, key + "#replay-" + id);
        runs.awaitRuns(TestJobs.FLAKY, key + "#replay-" + id, 1);

        Result again = cli(bootstrapKey(), "jobs", "replay", id);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("HTTP 409", "already replayed");

        Result viewer = cli(fixtures.keyWithRole("viewer", null), "jobs", "dead-letters");
        assertThat(viewer.exitCode()).isEqualTo(2);
        assertThat(viewer.err()).contains("HTTP 403");
    }

    private Result cli(String key, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString(),
                "GREENLIGHT_SERVER", api.baseUrl(), "GREENLIGHT_API_KEY", key);
        int exitCode = GreenlightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment,
                new ByteArrayInputStream(new byte[0]));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}

package dev.greenlight.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.server.testing.Fixtures;
import dev.greenlight.server.testing.IntegrationTest;

/** The newcomer's tour, through the real CLI against the real server: log in, create a project, environments, a release. */
class CliEndToEndTest extends IntegrationTest {

    @TempDir
    Path configDirectory;

    private Map<String, String> environment;

    @BeforeEach
    void logIn() {
        environment = Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString());
        Result login = cli(bootstrapKey() + "\n", "login", "--server", api.baseUrl(), "--api-key-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("admin");
    }

    @Test
    void tourCreatesProjectEnvironmentsAndRelease() throws IOException {
        String project = Fixtures.unique("tour");
        assertThat(cli("", "projects", "create", project, "--name", "Tour").exitCode()).isZero();
        assertThat(cli("", "environments", "create", "staging", "--project", project).exitCode()).isZero();
        assertThat(cli("", "environments", "create", "prod", "--project", project, "--after", "staging").exitCode()).isZero();
        Result release = cli("", "releases", "create", "1.2.3", "--project", project, "--commit", "d".repeat(40),
                "--artifact", "app.jar=" + "e".repeat(64));
        assertThat(release.exitCode()).as(release.toString()).isZero();

        Result environments = cli("", "environments", "list", "--project", project);
        assertThat(environments.out().indexOf("staging")).isLessThan(environments.out().indexOf("prod"));
        Result shown = cli("", "releases", "show", "1.2.3", "--project", project, "--output", "json");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains("\"commitSha\"").contains("d".repeat(40)).contains("app.jar");
        assertThat(cli("", "projects", "list").out()).contains(project);
        assertThat(admin().get("/api/v1/projects/" + project + "/releases/1.2.3").status()).isEqualTo(200);

        String config = Files.readString(configDirectory.resolve("config.json"));
        assertThat(config).contains(api.baseUrl());
        assertThat(Files.getPosixFilePermissions(configDirectory.resolve("config.json")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void serverRefusalPrintsTheProblemAndExitsWithTwo() {
        Result missing = cli("", "releases", "show", "9.9.9", "--project", Fixtures.unique("absent"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Not found");
        assertThat(missing.out() + missing.err()).doesNotContain(bootstrapKey());
    }

    @Test
    void ledgerAuditAndOfflineProofVerificationPassAgainstTheRealServer() throws IOException {
        String project = Fixtures.unique("audited");
        assertThat(cli("", "projects", "create", project, "--name", "Audited").exitCode()).isZero();
        assertThat(admin().post("/api/v1/ledger/default/checkpoint", Map.of()).status()).isEqualTo(200);

        Result firstAudit = cli("", "ledger", "audit", "--workspace", "default");
        assertThat(firstAudit.exitCode()).as(firstAudit.toString()).isZero();
        assertThat(cli("", "projects", "create", Fixtures.unique("later"), "--name", "Later").exitCode()).isZero();
        assertThat(admin().post("/api/v1/ledger/default/checkpoint", Map.of()).status()).isEqualTo(200);
        Result secondAudit = cli("", "ledger", "audit", "--workspace", "default");
        assertThat(secondAudit.exitCode()).as(secondAudit.toString()).isZero();
        assertThat(secondAudit.out()).containsIgnoringCase("consistent");

        long index = admin().get("/api/v1/ledger/default/entries?kind=project.created&project=" + project).json()
                .get("items").get(0).get("index").asLong();
        Path proof = configDirectory.resolve("entry.tlog-proof");
        Path entry = configDirectory.resolve("entry.json");
        Files.writeString(proof, admin().get("/api/v1/ledger/default/entries/" + index + "/proof").body());
        Files.writeString(entry, admin().get("/api/v1/ledger/default/entries/" + index + "/raw").body());
        // An active key: other tests sharing this server may have rotated keys and retired the first one.
        String verifierKey = admin().get("/api/v1/ledger/keys").json().get("items").values().stream()
                .filter(key -> key.get("active").asBoolean()).findFirst().orElseThrow().get("verifierKey").asString();
        Result verified = cli("", "ledger", "verify-proof", proof.toString(), "--entry", entry.toString(), "--vkey", verifierKey);
        assertThat(verified.exitCode()).as(verified.toString()).isZero();

        Files.writeString(entry, Files.readString(entry).replace(project, project + "x"));
        assertThat(cli("", "ledger", "verify-proof", proof.toString(), "--entry", entry.toString(), "--vkey", verifierKey).exitCode())
                .as("a changed entry fails verification").isEqualTo(1);
    }

    private Result cli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = GreenlightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}

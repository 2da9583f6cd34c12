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

/**
 * The newcomer's tour, through the real CLI against the real server: log in, create a project, environments, a
 * release, push evidence.
 */
class CliEndToEndTest extends IntegrationTest {
    private static final String JUNIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="shop.CartTest" tests="3">
              <testcase classname="shop.CartTest" name="addsItem" time="0.01"/>
              <testcase classname="shop.CartTest" name="removesItem" time="0.02"/>
              <testcase classname="shop.CartTest" name="totalsPrices" time="0.01"><failure message="expected 30 but was 31"/></testcase>
            </testsuite>
            """;
    private static final String TRIVY = """
            {"SchemaVersion": 2, "ArtifactName": "shop:2.0.0", "ArtifactType": "container_image",
             "Results": [{"Target": "shop.jar", "Class": "lang-pkgs", "Type": "jar", "Vulnerabilities": [
               {"VulnerabilityID": "CVE-2099-0001", "PkgName": "org.shop:json", "InstalledVersion": "1.0.0",
                "FixedVersion": "1.0.1", "Severity": "CRITICAL"},
               {"VulnerabilityID": "CVE-2099-0002", "PkgName": "org.shop:http", "InstalledVersion": "2.0.0",
                "FixedVersion": "", "Severity": "HIGH"}]}]}
            """;
    private static final String UNCLOSED_TESTCASE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="shop.OrderTest">
              <testcase classname="shop.OrderTest" name="ships">
            </testsuite>
            """;

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

    @Test
    void pushSendsEvidenceFoundByAGlobKnowsWhatIsThereAndFailsOnlyForTheMalformedFile() throws IOException {
        String project = Fixtures.unique("pushed");
        assertThat(cli("", "projects", "create", project, "--name", "Pushed").exitCode()).isZero();
        assertThat(cli("", "releases", "create", "2.0.0", "--project", project, "--commit", "c".repeat(40)).exitCode()).isZero();
        Path reports = Files.createDirectories(configDirectory.resolve("build/reports"));
        Files.writeString(reports.resolve("TEST-shop.CartTest.xml"), JUNIT);
        Files.writeString(configDirectory.resolve("build/trivy.json"), TRIVY);
        String glob = configDirectory + "/build/**/*.{xml,json}";
        String evidence = "/api/v1/projects/" + project + "/releases/2.0.0/evidence";

        Result first = cli("", "push", project, "2.0.0", glob);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).containsPattern("added +junit +\\S+/build/reports/TEST-shop.CartTest.xml +3 tests, 1 failed +sha256:[0-9a-f]{12}  ledger #\\d+\n")
                .containsPattern("added +trivy +\\S+/build/trivy.json +2 vulnerabilities: 1 critical, 1 high +sha256:[0-9a-f]{12}  ledger #\\d+\n")
                .endsWith("2 files: 2 added, 0 existing, 0 rejected\n");
        assertThat(admin().get(evidence).json().get("items")).hasSize(2);

        Result again = cli("", "push", project, "2.0.0", glob);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("existing  junit", "existing  trivy").endsWith("2 files: 0 added, 2 existing, 0 rejected\n");
        assertThat(admin().get(evidence).json().get("items")).hasSize(2);

        Files.writeString(reports.resolve("TEST-shop.OrderTest.xml"), UNCLOSED_TESTCASE);
        Files.writeString(reports.resolve("TEST-shop.PayTest.xml"), JUNIT.replace("CartTest", "PayTest"));
        Result mixed = cli("", "push", project, "2.0.0", reports + "/TEST-*.xml");
        assertThat(mixed.exitCode()).as(mixed.toString()).isEqualTo(2);
        assertThat(mixed.out()).containsPattern("existing +junit +\\S+/TEST-shop.CartTest.xml ")
                .containsPattern("rejected +junit +\\S+/TEST-shop.OrderTest.xml +malformed-evidence: .*junit at line \\d+")
                .containsPattern("added +junit +\\S+/TEST-shop.PayTest.xml +3 tests, 1 failed ")
                .endsWith("3 files: 1 added, 1 existing, 1 rejected\n");
        assertThat(admin().get(evidence).json().get("items")).as("the good file landed, the malformed one did not").hasSize(3);

        Result json = cli("", "push", project, "2.0.0", reports + "/TEST-shop.OrderTest.xml", "--output", "json");
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.out()).contains("\"result\": \"rejected\"", "\"type\": \"urn:greenlight:problem:malformed-evidence\"",
                "\"format\": \"junit\"", "\"location\": \"line ");

        Result noRelease = cli("", "push", project, "9.9.9", glob);
        assertThat(noRelease.exitCode()).isEqualTo(2);
        assertThat(noRelease.out()).isEmpty();
        assertThat(noRelease.err()).contains("(HTTP 404)");
        assertThat(noRelease.out() + noRelease.err()).doesNotContain(bootstrapKey());
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

package dev.greenlight.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCheckCommandTest {
    private static final String CLEAN_FACTS = """
            {"tests": {"failed": 0, "total": 40},
             "vulns": {"bySeverity": {"critical": 0, "high": 2}},
             "perf": {"p95Ms": 180.5}}
            """;

    @TempDir
    private Path directory;

    private CliRunner cli;

    @BeforeEach
    void writeThePack() throws IOException {
        Files.writeString(directory.resolve("pack.yaml"), PolicyPacks.PASSING);
        cli = CliRunner.withConfigIn(directory.resolve("no-config")).workingDirectory(directory);
    }

    private CliResult check(String facts, String... options) throws IOException {
        Files.writeString(directory.resolve("facts.json"), facts);
        String[] args = new String[options.length + 5];
        args[0] = "policy";
        args[1] = "check";
        args[2] = "pack.yaml";
        args[3] = "--facts";
        args[4] = "facts.json";
        System.arraycopy(options, 0, args, 5, options.length);
        return cli.run(args);
    }

    @Test
    void printsTheChecklistAndSucceedsWhenReady() throws IOException {
        CliResult result = check(CLEAN_FACTS, "--param", "budget=200");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).isEqualTo("""
                Pack acme/gates@1.2.0: READY, score 100/100
                  PASS  few-failures  Few test failures
                  PASS  no-criticals  No critical vulnerability
                  PASS  fast          Fast enough
                """);
        assertThat(directory.resolve("no-config")).doesNotExist();
    }

    @Test
    void showsWhyEachRuleDidNotPassAndTheBlockersAndExitsOne() throws IOException {
        String facts = """
                {"facts": {"tests": {"failed": 2}, "perf": {"p95Ms": 250.0}}, "release": "1.4.2"}
                """;

        CliResult result = check(facts, "--param", "budget=200");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                Pack acme/gates@1.2.0: BLOCKED, score 0/100
                  FAIL              few-failures  Few test failures          tests.failed=2 params.maxFailed=0
                  MISSING-EVIDENCE  no-criticals  No critical vulnerability  missing: vulns
                  FAIL              fast          Fast enough                perf.p95Ms=250.0 params.budget=200.0

                Blockers:
                  few-failures  Fix the failing tests.
                                https://example.com/tests
                  no-criticals  Upgrade the vulnerable packages.
                """);
    }

    @Test
    void appliesParametersQuarantineAndWaivers() throws IOException {
        String facts = """
                {"tests": {"failed": 1}, "perf": {"p95Ms": 250.0}}
                """;

        CliResult result = check(facts, "--param", "maxFailed=1", "--waive", "no-criticals", "--param", "budget=300");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).startsWith("Pack acme/gates@1.2.0: READY, score 100/100")
                .contains("WAIVED  no-criticals");
    }

    @Test
    void reportsAParameterWithoutValueAsTheRulesError() throws IOException {
        CliResult result = check(CLEAN_FACTS);

        assertThat(result.exitCode()).as("a warning's error does not block").isZero();
        assertThat(result.out()).contains("ERROR  fast          Fast enough                error: parameter budget is not set");
    }

    @Test
    void refusesAnUndeclaredOrMalformedParameter() throws IOException {
        CliResult undeclared = check(CLEAN_FACTS, "--param", "minimum=3");
        CliResult malformed = check(CLEAN_FACTS, "--param", "maxFailed=few");

        assertThat(undeclared.exitCode()).isEqualTo(2);
        assertThat(undeclared.err()).contains("The pack declares no parameter minimum (declared: maxFailed, budget).");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--param maxFailed=few is not a valid int.");
    }

    @Test
    void refusesFactsThatAreNotJsonOrHaveUnknownFamilies() throws IOException {
        CliResult notJson = check("tests: {failed: 0}");
        CliResult unknown = check("{\"test\": {\"failed\": 0}}");

        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err()).contains("is not JSON");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has unknown families: test (families: tests, coverage, sbom, vulns, sast, perf, vex, provenance).");
    }

    @Test
    void refusesToWaiveAnUnknownRule() throws IOException {
        CliResult result = check(CLEAN_FACTS, "--waive", "no-such-rule");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--waive no-such-rule: the pack has no such rule.");
    }

    @Test
    void printsJsonForScripts() throws IOException {
        CliResult result = check("{\"tests\": {\"failed\": 3}}", "-o", "json", "--quarantine", "a.B.c");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("\"verdict\": \"blocked\"", "\"score\": 0", "\"outcome\": \"fail\"",
                "\"tests.failed\": 3", "\"missingEvidence\": [\n        \"vulns\"", "\"blockers\": [");
    }
}

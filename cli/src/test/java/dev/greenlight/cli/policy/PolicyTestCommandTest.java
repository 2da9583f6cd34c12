package dev.greenlight.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.cli.testing.CliResult;
import dev.greenlight.cli.testing.CliRunner;
import dev.greenlight.policy.BaselinePack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestCommandTest {
    @TempDir
    private Path directory;

    private CliRunner cli;

    @BeforeEach
    void runOfflineWithoutConfiguration() {
        cli = CliRunner.withConfigIn(directory.resolve("no-config")).workingDirectory(directory);
    }

    private Path pack(String yaml) throws IOException {
        return Files.writeString(directory.resolve("pack.yaml"), yaml);
    }

    @Test
    void printsALinePerTestAndSucceedsWhenAllPass() throws IOException {
        pack(PolicyPacks.PASSING);

        CliResult result = cli.run("policy", "test", "pack.yaml");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).isEqualTo("""
                Pack acme/gates@1.2.0: 3 tests, 3 expectations
                  PASS  no failures pass
                  PASS  a failure fails
                  PASS  no scan lacks evidence
                All 3 tests passed (3 of 3 expectations).
                """);
        assertThat(result.err()).isEmpty();
        assertThat(directory.resolve("no-config")).doesNotExist();
    }

    @Test
    void showsEachFailingExpectationAndExitsOne() throws IOException {
        pack(PolicyPacks.PASSING.replace("expect: {few-failures: fail}", "expect: {few-failures: pass, no-criticals: pass}"));

        CliResult result = cli.run("policy", "test", "pack.yaml");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("""
                  FAIL  a failure fails
                          few-failures: expected pass, got fail
                          no-criticals: expected pass, got missing-evidence (missing vulns)
                """).endsWith("2 of 3 tests passed (2 of 4 expectations).\n");
    }

    @Test
    void runsTheBaselinePacksTests() throws IOException {
        Files.write(directory.resolve("baseline.yaml"), BaselinePack.yaml());

        CliResult result = cli.run("policy", "test", "baseline.yaml");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).startsWith("Pack greenlight/baseline@1.0.0: ").contains("All ").doesNotContain("FAIL");
    }

    @Test
    void listsCompileProblemsWithRuleAndPositionAndExitsTwo() throws IOException {
        pack(PolicyPacks.PASSING.replace("tests.failed <= params.maxFailed", "tests.faild <= params.maxFailed")
                .replace("vulns.bySeverity.critical == 0", "vulns.bySeverity.critical == 'none'"));

        CliResult result = cli.run("policy", "test", "pack.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Error: The pack " + directory.resolve("pack.yaml") + " does not compile (2 problems):\n")
                .contains("  rule few-failures, line 9:17: expression 1:1: unknown fact 'tests.faild'")
                .contains("  rule no-criticals, line 18:43: expression 1:27: found no matching overload for '_==_' applied to '(int, string)'");
    }

    @Test
    void listsParseProblemsAndExitsTwo() throws IOException {
        pack(PolicyPacks.PASSING.replace("severity: warning", "severity: minor"));

        CliResult result = cli.run("policy", "test", "pack.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("does not parse (1 problem):")
                .contains("  rule fast, line 25:15: severity 'minor' is neither blocker nor warning");
    }

    @Test
    void reportsAMissingFileAsAnError() {
        CliResult result = cli.run("policy", "test", "nowhere.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The pack " + directory.resolve("nowhere.yaml") + " does not exist.");
    }

    @Test
    void printsJsonForScripts() throws IOException {
        pack(PolicyPacks.PASSING);

        CliResult result = cli.run("policy", "test", "pack.yaml", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"pack\": \"acme/gates\"", "\"passed\": true", "\"test\": \"a failure fails\"",
                "\"expected\": \"fail\"", "\"actual\": \"fail\"");
    }
}

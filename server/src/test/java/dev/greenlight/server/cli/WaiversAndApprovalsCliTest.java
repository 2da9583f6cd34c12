package dev.greenlight.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.greenlight.cli.GreenlightCli;
import dev.greenlight.server.waivers.GatePortsIntegrationTest;
import dev.greenlight.server.waivers.Team;

/** Waivers and approvals through the real CLI against the real server, each person with their own key. */
class WaiversAndApprovalsCliTest extends GatePortsIntegrationTest {
    private static final Pattern ID = Pattern.compile("Id: +([0-9a-f-]{36})");

    @TempDir
    Path configDirectory;

    @Test
    void developerRequestsAWaiverAndASecurityLeadApprovesIt() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member security = team.serviceAccount(project, "security");

        Result requested = cli(developer, "waive", project, "1.0.0", "--environment", "prod", "--rule", "vulns.no-critical",
                "--reason", "Not reachable", "--ticket", "SEC-9", "--expires", "7d");
        assertThat(requested.exitCode()).as(requested.toString()).isZero();
        assertThat(requested.out()).contains("Requested waiver", "vulns.no-critical", "requested", "SEC-9");
        String id = id(requested.out());

        Result own = cli(developer, "waive", "approve", id);
        assertThat(own.exitCode()).isEqualTo(2);
        assertThat(own.err()).contains("HTTP 403");

        Result approved = cli(security, "waive", "approve", id, "--comment", "Checked");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("Waiver " + id + " is approved.");

        Result listed = cli(developer, "waive", "list", project, "1.0.0", "--status", "approved");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("RULE", id, "vulns.no-critical", security.name());
        assertThat(cli(developer, "waive", "list", project, "1.0.0", "--environment", "staging").out()).contains("has no waivers that match");

        Result json = cli(developer, "waive", "show", id, "--output", "json");
        assertThat(json.out()).contains("\"status\": \"approved\"", "\"decidedBy\": \"" + security.name() + "\"");
        Result revoked = cli(developer, "waive", "revoke", id, "--reason", "Fixed");
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("is revoked");
    }

    @Test
    void rejectionNeedsACommentAndARequestNeedsItsOptions() {
        String project = team.project();
        Team.Member developer = team.serviceAccount(project, "developer");
        Team.Member captain = team.serviceAccount(project, "release-captain");
        String id = id(cli(developer, "waive", project, "1.0.0", "-e", "prod", "--rule", "tests.all-pass", "--reason", "Flaky",
                "--ticket", "QA-1", "--expires", java.time.Instant.now().plusSeconds(3600).toString()).out());

        assertThat(cli(captain, "waive", "reject", id).exitCode()).as("--comment is required").isEqualTo(2);
        Result rejected = cli(captain, "waive", "reject", id, "--comment", "Fix the test");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        assertThat(rejected.out()).contains("is rejected");

        Result incomplete = cli(developer, "waive", project, "1.0.0", "--rule", "tests.all-pass");
        assertThat(incomplete.exitCode()).isEqualTo(2);
        assertThat(incomplete.err()).contains("--environment", "--reason", "--ticket", "--expires");
        Result badExpiry = cli(developer, "waive", project, "1.0.0", "-e", "prod", "--rule", "r", "--reason", "r", "--ticket", "t",
                "--expires", "soon");
        assertThat(badExpiry.exitCode()).isEqualTo(2);
        assertThat(badExpiry.err()).contains("7d");
        Result tooLong = cli(developer, "waive", project, "1.0.0", "-e", "prod", "--rule", "r", "--reason", "r", "--ticket", "t",
                "--expires", "90d");
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("expiresAt", "30 days");
    }

    @Test
    void securityLeadApprovesTheReleaseAndWithdrawsTheApproval() {
        String project = team.project();
        Team.Member security = team.serviceAccount(project, "security");

        Result approved = cli(security, "approve", project, "1.0.0", "--environment", "prod", "--role", "security", "--comment", "LGTM");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("Approved release 1.0.0 for prod as security.");
        String id = id(approved.out());

        Result listed = cli(security, "approvals", project, "1.0.0");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("APPROVER", id, security.name(), "yes");

        Result withdrawn = cli(security, "approvals", "withdraw", id);
        assertThat(withdrawn.exitCode()).as(withdrawn.toString()).isZero();
        assertThat(cli(security, "approvals", project, "1.0.0", "--environment", "prod").out()).contains("no (withdrawn)");
        assertThat(cli(security, "approvals", project, "1.0.0", "--environment", "staging").out()).contains("has no approvals for staging");

        Result notHeld = cli(security, "approve", project, "1.0.0", "--environment", "prod", "--role", "release-captain");
        assertThat(notHeld.exitCode()).isEqualTo(2);
        assertThat(notHeld.err()).contains("do not hold the role 'release-captain'");
    }

    private static String id(String output) {
        Matcher matcher = ID.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    private Result cli(Team.Member member, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> environment = Map.of("GREENLIGHT_CONFIG_DIR", configDirectory.toString(),
                "GREENLIGHT_SERVER", api.baseUrl(), "GREENLIGHT_API_KEY", member.key());
        int exitCode = GreenlightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment,
                new ByteArrayInputStream(new byte[0]));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}

package dev.greenlight.cli.waivers;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code greenlight waive PROJECT VERSION …} requests a waiver; its subcommands decide and list them. The request's
 * arguments are checked here rather than declared required, because picocli would otherwise demand them for the
 * subcommands too.
 */
@Command(name = "waive",
        description = {
            "Request a waiver: suspend one gate rule for a release in one environment, until it expires.",
            "Another person, a security lead or release captain of the project, must approve it before it applies."
        },
        subcommands = {ListWaiversCommand.class, ShowWaiverCommand.class, ApproveWaiverCommand.class, RejectWaiverCommand.class,
            RevokeWaiverCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight waive payments 1.4.2 --environment prod \\",
            "      --rule vulns.no-critical --ticket SEC-123 --expires 7d \\",
            "      --reason \"CVE-2025-1234: the vulnerable parser is never called\"",
            "  greenlight waive list payments 1.4.2 --status requested",
            "  greenlight waive approve WAIVER-ID --comment \"Checked the call graph\""
        })
public final class WaiveCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "Project slug.")
    private @Nullable String project;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "Release version.")
    private @Nullable String version;

    @Option(names = {"-e", "--environment"}, paramLabel = "ENVIRONMENT", description = "Environment whose gate has the rule (required).")
    private @Nullable String environment;

    @Option(names = "--rule", paramLabel = "RULE", description = "Id of the rule to waive (required).")
    private @Nullable String rule;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the rule may be suspended, up to 2000 characters (required).")
    private @Nullable String reason;

    @Option(names = "--ticket", paramLabel = "TICKET", description = "The issue that tracks the fix, e.g. SEC-123 (required).")
    private @Nullable String ticket;

    @Option(names = "--expires", paramLabel = "WHEN", converter = Expiry.Converter.class,
            description = "When the waiver ends: a time from now (7d, 12h, 90m) or an RFC 3339 timestamp (required; "
                    + "at most the server's maximum ahead, 30 days by default).")
    private @Nullable Instant expires;

    WaiveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = body();
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(
                    client.create(ApiPath.of("projects", required(project, "PROJECT"), "releases", required(version, "VERSION"), "waivers"), body),
                    WaiverViews::requested);
        }
        return ExitCode.SUCCESS;
    }

    private ObjectNode body() {
        List<String> missing = new ArrayList<>();
        if (project == null || version == null) {
            missing.add("PROJECT VERSION");
        }
        addIfMissing(missing, environment, "--environment");
        addIfMissing(missing, rule, "--rule");
        addIfMissing(missing, reason, "--reason");
        addIfMissing(missing, ticket, "--ticket");
        if (expires == null) {
            missing.add("--expires");
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("A waiver request needs " + String.join(", ", missing)
                    + ". Run `greenlight waive --help` for an example.");
        }
        return JsonNodeFactory.instance.objectNode()
                .put("environment", environment)
                .put("rule", rule)
                .put("reason", reason)
                .put("ticket", ticket)
                .put("expiresAt", String.valueOf(expires));
    }

    private static void addIfMissing(List<String> missing, @Nullable String value, String option) {
        if (value == null || value.isBlank()) {
            missing.add(option);
        }
    }

    private static String required(@Nullable String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(label + " is empty.");
        }
        return value;
    }
}

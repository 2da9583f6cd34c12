package dev.greenlight.cli.gates;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "gate",
        description = {
            "Ask whether a release may go to an environment, and why not.",
            "Prints the verdict, each rule of the gate's policy pack with why it did not pass, the blockers with their "
                    + "remediation, missing approvals and an active freeze. Changes nothing."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight gate payments 1.4.2 --environment prod",
            "  greenlight gate payments 1.4.2 --environment prod --wait 15m --interval 30s",
            "",
            "With --wait, a blocked release is asked about again every --interval until it is ready or the time is up; "
                    + "a line per check goes to standard error."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Ready: the release may go to the environment.",
            "1:Blocked (after --wait: still blocked when the time was up).",
            "2:An error: invalid usage, not logged in, unknown project, release or environment, server unreachable or failing."
        })
public final class GateCommand implements Callable<Integer> {
    /** Asking more often than this does not make a release ready sooner; it only loads the server. */
    static final Duration SHORTEST_INTERVAL = Duration.ofSeconds(1);

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version.")
    private String version = "";

    @Option(names = {"-e", "--environment"}, required = true, paramLabel = "ENVIRONMENT", description = "Environment the release would go to.")
    private String environment = "";

    @Option(names = "--wait", paramLabel = "DURATION", converter = WaitDuration.Converter.class,
            description = "Keep asking until the release is ready, for at most this long, e.g. 10m, 90s, 1h30m.")
    private @Nullable Duration wait;

    @Option(names = "--interval", paramLabel = "DURATION", converter = WaitDuration.Converter.class, defaultValue = "10s",
            description = "Time between two checks while waiting (default: ${DEFAULT-VALUE}, at least 1s).")
    private Duration interval = Duration.ofSeconds(10);

    GateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        try (GreenlightClient client = context.connect()) {
            ApiPath path = ApiPath.of("projects", project, "releases", version, "readiness");
            Supplier<JsonNode> readiness = () -> client.getWithQuery(path, Map.of("environment", environment));
            JsonNode report = wait == null
                    ? readiness.get()
                    : ReadinessPoller.realTime(readiness, interval, spec.commandLine().getErr()).awaitReady(wait);
            ReadinessSummary summary = ReadinessSummary.of(report);
            context.printer(spec).item(report, new ReadinessChecklist(Glyphs.forLocale(context.environment()))::print);
            return summary.ready() ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
        }
    }

    private void validate() {
        if (project.isBlank() || version.isBlank() || environment.isBlank()) {
            throw new InvalidInputException("The project, the version and the environment are not empty.");
        }
        if (wait != null && (wait.isNegative() || wait.isZero())) {
            throw new InvalidInputException("--wait must be longer than 0s; leave it out to ask once.");
        }
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new InvalidInputException("--interval must be at least " + WaitDuration.format(SHORTEST_INTERVAL) + ".");
        }
    }
}

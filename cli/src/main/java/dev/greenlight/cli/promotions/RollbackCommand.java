package dev.greenlight.cli.promotions;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import dev.greenlight.cli.output.ResultPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "rollback",
        description = {
            "Roll an environment back to a release that was promoted into it successfully before, at any time.",
            "Needs the role release-captain on the project. A promotion still under way there is taken back with it. The "
                    + "environment's deployer is asked to restore the release; with --wait, the command follows it until it has."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight rollback payments -e prod --to last-good \\",
            "      --reason \"Checkout errors after 1.4.2\"",
            "  greenlight rollback payments -e prod --to 1.4.0 --reason \"INC-42\" --wait 10m"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The rollback was accepted (with --wait: it completed, the target runs again).",
            "1:With --wait: the rollback failed, or was still under way when the wait ran out.",
            "2:An error: invalid usage, not logged in, refused (not a release captain, a target never promoted there, another "
                    + "rollback under way), unknown project or environment, server unreachable or failing."
        })
public final class RollbackCommand implements Callable<Integer> {
    /** Enough to find a rollback that has just ended among the environment's latest, however busy the environment. */
    static final int RECENT_ROLLBACKS = 50;

    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Option(names = {"-e", "--environment"}, required = true, paramLabel = "ENVIRONMENT", description = "Environment to roll back.")
    private String environment = "";

    @Option(names = "--to", required = true, paramLabel = "VERSION|last-good",
            description = "The release to restore: a version promoted successfully into the environment before, or last-good.")
    private String to = "";

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, up to 1000 characters; recorded in the ledger.")
    private String reason = "";

    @Option(names = "--wait", arity = "0..1", paramLabel = "DURATION", fallbackValue = WaitLimit.UNTIL_DONE, converter = WaitLimit.Converter.class,
            description = "Follow the rollback until the target runs again or the rollback failed, for at most DURATION if given.")
    private @Nullable WaitLimit wait;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationArgument.Converter.class, defaultValue = "5s",
            description = "Time between two looks at the environment while waiting (default: ${DEFAULT-VALUE}, at least 1s).")
    private Duration pollInterval = Duration.ofSeconds(5);

    RollbackCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        validate();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("to", to.strip()).put("reason", reason.strip());
        ResultPrinter printer = context.printer(spec);
        try (GreenlightClient client = context.connect()) {
            JsonNode accepted = client.create(environmentPath("rollback"), body);
            if (wait == null) {
                printer.item(accepted, RollbackViews::accepted);
                return ExitCode.SUCCESS;
            }
            String id = accepted.path("id").asString("");
            if (id.isBlank()) {
                throw new UnreadableAnswerException("The server accepted the rollback but its answer has no id to follow.");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("Requested rollback " + id + "; following it " + wait.describe() + ".");
            err.flush();
            RollbackFollower.Result result = new RollbackFollower(
                    () -> client.get(environmentPath("releases")),
                    () -> client.list(environmentPath("rollbacks"), Map.of(), RECENT_ROLLBACKS),
                    FollowSchedule.realTime(pollInterval, wait), err).follow(accepted);
            printer.item(result.rollback(), RollbackViews::followed);
            return result.outcome() == RollbackFollower.Outcome.RESTORED ? ExitCode.SUCCESS : ExitCode.NEGATIVE_VERDICT;
        }
    }

    private ApiPath environmentPath(String resource) {
        return ApiPath.of("projects", project, "environments", environment, resource);
    }

    private void validate() {
        if (project.isBlank() || environment.isBlank()) {
            throw new InvalidInputException("The project and the environment are not empty.");
        }
        if (to.isBlank()) {
            throw new InvalidInputException("--to names a version, or last-good.");
        }
        if (reason.isBlank()) {
            throw new InvalidInputException("--reason says why: it is recorded in the ledger.");
        }
        if (pollInterval.compareTo(FollowSchedule.SHORTEST_INTERVAL) < 0) {
            throw new InvalidInputException("--poll-interval must be at least " + DurationArgument.format(FollowSchedule.SHORTEST_INTERVAL) + ".");
        }
    }
}

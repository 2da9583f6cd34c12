package dev.greenlight.cli.gates;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;

/** Exits 0 on a blocked verdict too: the record is what was asked for, and "why did it not ship" is worth recording. */
@Command(name = "record",
        description = "Evaluate the gate now and record the verdict, blocked or ready, with its inputs and a ledger entry.",
        footerHeading = "%nExample:%n",
        footer = "  greenlight decision record payments 1.4.2 --environment prod",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:The decision was recorded, whatever its verdict.",
            "2:An error: nothing was recorded."
        })
final class RecordDecisionCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version.")
    private String version = "";

    @Option(names = {"-e", "--environment"}, required = true, paramLabel = "ENVIRONMENT", description = "Environment whose gate decides.")
    private String environment = "";

    RecordDecisionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project.isBlank() || version.isBlank() || environment.isBlank()) {
            throw new InvalidInputException("The project, the version and the environment are not empty.");
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(
                    client.create(ApiPath.of("projects", project, "releases", version, "decisions"),
                            JsonNodeFactory.instance.objectNode().put("environment", environment)),
                    new DecisionViews(Glyphs.forLocale(context.environment()))::recorded);
        }
        return ExitCode.SUCCESS;
    }
}

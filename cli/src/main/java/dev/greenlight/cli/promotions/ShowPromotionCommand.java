package dev.greenlight.cli.promotions;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Exits 0 whatever state the promotion is in: showing it is what was asked; {@code promote --wait} branches on the outcome. */
@Command(name = "show", description = "Show one promotion: its plan, where it stands, its last analysis and every transition with its "
        + "actor, reason and ledger entry.")
final class ShowPromotionCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "ID", description = "The promotion's id, as `promote` printed it.")
    private String id = "";

    ShowPromotionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project.isBlank() || id.isBlank()) {
            throw new InvalidInputException("The project and the promotion id are not empty.");
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(client.get(ApiPath.of("projects", project, "promotions", id)), PromotionViews::shown);
        }
        return ExitCode.SUCCESS;
    }
}

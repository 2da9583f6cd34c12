package dev.greenlight.cli.promotions;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List a project's promotions, newest first.")
final class ListPromotionsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Option(names = {"-e", "--environment"}, paramLabel = "ENVIRONMENT", description = "Only the promotions into this environment.")
    private @Nullable String environment;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N promotions (default: all).")
    private @Nullable Integer limit;

    ListPromotionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (project.isBlank()) {
            throw new InvalidInputException("The project is not empty.");
        }
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit must be at least 1, got " + limit + ".");
        }
        Map<String, String> filters = environment == null ? Map.of() : Map.of("environment", environment);
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(
                    client.list(ApiPath.of("projects", project, "promotions"), filters, limit),
                    PromotionViews::table,
                    "Project " + project + " has no promotions" + (environment == null ? " yet." : " into " + environment + "."));
        }
        return ExitCode.SUCCESS;
    }
}

package dev.greenlight.cli.projects;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "create", description = "Create a project.",
        footerHeading = "%nExample:%n",
        footer = "  greenlight projects create payments --name Payments --description \"Card payments API\"")
final class CreateProjectCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SLUG", description = "Short identifier used in URLs and commands, e.g. payments.")
    private String slug = "";

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Human-readable name.")
    private String name = "";

    @Option(names = "--description", paramLabel = "TEXT", description = "What the project is.")
    private @Nullable String description;

    CreateProjectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("slug", slug).put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(client.create(ApiPath.of("projects"), body), ProjectViews::created);
        }
        return ExitCode.SUCCESS;
    }
}

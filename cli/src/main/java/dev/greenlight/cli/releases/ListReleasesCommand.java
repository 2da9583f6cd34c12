package dev.greenlight.cli.releases;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.ProjectOption;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List a project's releases, newest first.")
final class ListReleasesCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOption project = new ProjectOption();

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N releases (default: all).")
    private @Nullable Integer limit;

    ListReleasesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit must be at least 1, got " + limit + ".");
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(
                    client.list(ApiPath.of("projects", project.slug(), "releases"), limit),
                    ReleaseViews::table,
                    "Project " + project.slug() + " has no releases yet.");
        }
        return ExitCode.SUCCESS;
    }
}

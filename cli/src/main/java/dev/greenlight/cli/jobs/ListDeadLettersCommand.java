package dev.greenlight.cli.jobs;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dead-letters", description = "List your workspace's jobs that failed every attempt, newest first.")
final class ListDeadLettersCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Show at most N dead letters (default: all).")
    private @Nullable Integer limit;

    ListDeadLettersCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new InvalidInputException("--limit is at least 1.");
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(client.list(ApiPath.of("jobs", "dead-letters"), limit), DeadLetterViews::table,
                    "No dead letters: every job succeeded or is still being tried.");
        }
        return ExitCode.SUCCESS;
    }
}

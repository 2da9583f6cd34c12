package dev.greenlight.cli.jobs;

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
import tools.jackson.databind.node.JsonNodeFactory;

@Command(name = "replay",
        description = {
            "Enqueue a dead letter's job again, with the same kind and payload under a new key; recorded in the ledger.",
            "Each dead letter is replayed once: if the new job fails every attempt too, it becomes a dead letter of its own."
        })
final class ReplayDeadLetterCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's id, as `greenlight jobs dead-letters` shows it.")
    private String id = "";

    ReplayDeadLetterCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (id.isBlank()) {
            throw new InvalidInputException("The dead letter id is empty.");
        }
        try (GreenlightClient client = context.connect()) {
            // Sent with an Idempotency-Key (and again with the same one if the connection fails), so that a retry
            // gets the first answer instead of a 409.
            context.printer(spec).item(client.create(ApiPath.of("jobs", "dead-letters", id, "replay"), JsonNodeFactory.instance.objectNode()),
                    DeadLetterViews::replayed);
        }
        return ExitCode.SUCCESS;
    }
}

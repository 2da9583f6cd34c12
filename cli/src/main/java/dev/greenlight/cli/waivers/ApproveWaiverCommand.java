package dev.greenlight.cli.waivers;

import dev.greenlight.cli.command.CliContext;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "approve", description = "Approve a requested waiver: it applies from now until it expires. You cannot approve your own request.")
final class ApproveWaiverCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The waiver's id, as `greenlight waive list` shows it.")
    private String id = "";

    @Option(names = "--comment", paramLabel = "TEXT", description = "A note for the record, e.g. what you checked.")
    private @Nullable String comment;

    ApproveWaiverCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (comment != null) {
            body.put("comment", comment);
        }
        return WaiverStep.send(context, spec, id, "approve", body);
    }
}

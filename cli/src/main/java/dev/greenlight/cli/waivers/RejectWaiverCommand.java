package dev.greenlight.cli.waivers;

import dev.greenlight.cli.command.CliContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "reject", description = "Reject a requested waiver: it never applies.")
final class RejectWaiverCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The waiver's id, as `greenlight waive list` shows it.")
    private String id = "";

    @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why the waiver is refused (required).")
    private String comment = "";

    RejectWaiverCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("comment", comment);
        return WaiverStep.send(context, spec, id, "reject", body);
    }
}

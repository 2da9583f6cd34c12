package dev.greenlight.cli.gates;

import picocli.CommandLine.Command;

@Command(name = "decision",
        description = {
            "Record a gate's verdict with its exact inputs, and replay a recorded one.",
            "A recorded decision has a ledger entry; a replay shows that it can be computed again, years later."
        },
        subcommands = {RecordDecisionCommand.class, ReplayDecisionCommand.class})
public final class DecisionCommand {
}

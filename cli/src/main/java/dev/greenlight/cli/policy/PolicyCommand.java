package dev.greenlight.cli.policy;

import picocli.CommandLine.Command;

@Command(name = "policy",
        description = "Work with policy packs offline: run a pack's tests, or evaluate it over a release's facts.",
        subcommands = {PolicyTestCommand.class, PolicyCheckCommand.class})
public final class PolicyCommand {
}

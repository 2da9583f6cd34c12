package dev.greenlight.cli.jobs;

import picocli.CommandLine.Command;

@Command(name = "jobs",
        description = {
            "Background jobs that failed every attempt (dead letters): list them and replay one.",
            "Needs the jobs:manage permission (workspace administrators)."
        },
        subcommands = {ListDeadLettersCommand.class, ReplayDeadLetterCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight jobs dead-letters",
            "  greenlight jobs replay 01890a5d-ac96-774b-bcce-b302099a8057"
        })
public final class JobsCommand {
}

package dev.greenlight.cli.environments;

import picocli.CommandLine.Command;

@Command(name = "environments", aliases = "envs",
        description = "List and create the environments of a project, in promotion order (e.g. staging, then prod).",
        subcommands = {ListEnvironmentsCommand.class, CreateEnvironmentCommand.class})
public final class EnvironmentsCommand {
}

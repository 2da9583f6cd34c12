package dev.greenlight.cli.releases;

import picocli.CommandLine.Command;

@Command(name = "releases",
        description = "List, create and show releases: one version of a project, with its commit and artifact digests.",
        subcommands = {ListReleasesCommand.class, CreateReleaseCommand.class, ShowReleaseCommand.class})
public final class ReleasesCommand {
}

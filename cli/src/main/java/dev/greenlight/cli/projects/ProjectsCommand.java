package dev.greenlight.cli.projects;

import picocli.CommandLine.Command;

@Command(name = "projects", description = "List and create projects: one deployable service or repository each.",
        subcommands = {ListProjectsCommand.class, CreateProjectCommand.class})
public final class ProjectsCommand {
}

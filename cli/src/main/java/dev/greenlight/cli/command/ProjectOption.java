package dev.greenlight.cli.command;

import picocli.CommandLine.Option;

/** The {@code --project} option of commands that work inside one project. */
public final class ProjectOption {
    @Option(names = {"-p", "--project"}, required = true, paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    public String slug() {
        return project;
    }
}

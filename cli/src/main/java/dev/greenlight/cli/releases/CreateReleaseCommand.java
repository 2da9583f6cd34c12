package dev.greenlight.cli.releases;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.ProjectOption;
import dev.greenlight.cli.failure.ExitCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "create", description = "Record a release of a project.",
        footerHeading = "%nExample:%n",
        footer = {
            "  greenlight releases create 1.4.2 --project payments \\",
            "      --commit \"$(git rev-parse HEAD)\" --author \"$GITHUB_ACTOR\" \\",
            "      --artifact \"app.jar=$(sha256sum app.jar | cut -d' ' -f1)\""
        })
final class CreateReleaseCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectOption project = new ProjectOption();

    @Parameters(index = "0", paramLabel = "VERSION", description = "Release version, e.g. 1.4.2.")
    private String version = "";

    @Option(names = "--commit", required = true, paramLabel = "SHA", description = "Full commit SHA (40 or 64 hex characters).")
    private String commitSha = "";

    @Option(names = "--commit-time", paramLabel = "TIME", converter = CommitTimeConverter.class,
            description = "Commit time, RFC 3339, e.g. 2025-06-01T12:30:00Z.")
    private @Nullable Instant commitTime;

    @Option(names = "--artifact", paramLabel = "NAME=SHA256", converter = ArtifactDigest.Converter.class,
            description = "An artifact and its SHA-256; repeat for several.")
    private List<ArtifactDigest> artifacts = new ArrayList<>();

    @Option(names = "--author", paramLabel = "AUTHOR", description = "Who made the release.")
    private @Nullable String author;

    CreateReleaseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).item(
                    client.create(ApiPath.of("projects", project.slug(), "releases"), body()), ReleaseViews::created);
        }
        return ExitCode.SUCCESS;
    }

    private ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("version", version).put("commitSha", commitSha);
        if (commitTime != null) {
            body.put("commitTime", commitTime.toString());
        }
        if (!artifacts.isEmpty()) {
            ArrayNode array = body.putArray("artifacts");
            artifacts.forEach(artifact -> array.addObject().put("name", artifact.name()).put("sha256", artifact.sha256()));
        }
        if (author != null) {
            body.put("author", author);
        }
        return body;
    }
}

package dev.greenlight.cli.waivers;

import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.failure.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List a release's waivers, newest first.")
final class ListWaiversCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "Project slug.")
    private String project = "";

    @Parameters(index = "1", paramLabel = "VERSION", description = "Release version.")
    private String version = "";

    @Option(names = {"-e", "--environment"}, paramLabel = "ENVIRONMENT", description = "Only the waivers of this environment.")
    private @Nullable String environment;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only waivers in this status: requested, approved, rejected, revoked or expired.")
    private @Nullable String status;

    ListWaiversCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (environment != null) {
            filters.put("environment", environment);
        }
        if (status != null) {
            filters.put("status", status);
        }
        try (GreenlightClient client = context.connect()) {
            context.printer(spec).list(
                    client.list(ApiPath.of("projects", project, "releases", version, "waivers"), filters, null),
                    WaiverViews::table,
                    "Release " + version + " of " + project + " has no waivers" + (filters.isEmpty() ? "." : " that match."));
        }
        return ExitCode.SUCCESS;
    }
}

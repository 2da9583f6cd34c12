package dev.greenlight.cli;

import dev.greenlight.cli.approvals.ApprovalsCommand;
import dev.greenlight.cli.approvals.ApproveCommand;
import dev.greenlight.cli.auth.LoginCommand;
import dev.greenlight.cli.auth.LogoutCommand;
import dev.greenlight.cli.auth.WhoamiCommand;
import dev.greenlight.cli.client.HttpSettings;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.command.CliVersion;
import dev.greenlight.cli.command.CommandFactory;
import dev.greenlight.cli.command.GlobalOptions;
import dev.greenlight.cli.command.SecretPrompt;
import dev.greenlight.cli.command.Terminal;
import dev.greenlight.cli.environments.EnvironmentsCommand;
import dev.greenlight.cli.evidence.PushCommand;
import dev.greenlight.cli.gates.DecisionCommand;
import dev.greenlight.cli.gates.GateCommand;
import dev.greenlight.cli.jobs.JobsCommand;
import dev.greenlight.cli.ledger.LedgerCommand;
import dev.greenlight.cli.projects.ProjectsCommand;
import dev.greenlight.cli.promotions.PromoteCommand;
import dev.greenlight.cli.promotions.PromotionCommand;
import dev.greenlight.cli.promotions.RollbackCommand;
import dev.greenlight.cli.releases.ReleasesCommand;
import dev.greenlight.cli.waivers.WaiveCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;

/**
 * The {@code greenlight} command. {@link #main} is for the shell; {@link #run} lets tests and other
 * Java programs run a command in-process and get its exit code instead of a {@code System.exit}.
 */
@Command(name = "greenlight",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = GreenlightCli.Version.class,
        description = "Command-line client for Greenlight, the release-readiness control plane.",
        subcommands = {
            LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
            ProjectsCommand.class, EnvironmentsCommand.class, ReleasesCommand.class, PushCommand.class, LedgerCommand.class,
            WaiveCommand.class, ApproveCommand.class, ApprovalsCommand.class,
            GateCommand.class, DecisionCommand.class,
            PromoteCommand.class, PromotionCommand.class, RollbackCommand.class,
            dev.greenlight.cli.policy.PolicyCommand.class,
            JobsCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:A negative verdict, e.g. a gate said the release may not ship, a promotion ended rolled back, or a ledger proof or audit did not verify.",
            "2:An error: invalid usage, not logged in, request rejected, server unreachable or failing."
        })
public final class GreenlightCli {
    @Mixin
    private GlobalOptions globalOptions;

    private GreenlightCli(CliContext context) {
        // Picocli writes the global options into the context's instance, where every command reads them.
        this.globalOptions = context.globalOptions();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        CliContext context = new CliContext(System.getenv(), System.in, SecretPrompt.console(), defaultHttpSettings(),
                Path.of("").toAbsolutePath(), Terminal.attached());
        System.exit(run(args, out, err, context, Help.Ansi.AUTO));
    }

    /**
     * Runs one command in-process, without a terminal: the API key must come from
     * {@code --api-key-stdin} or {@code GREENLIGHT_API_KEY}. Nothing is read from the real
     * environment or standard input; {@code env} and {@code in} stand in for them.
     *
     * @return the exit code: 0 success, 1 negative verdict, 2 error
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, InputStream in) {
        return run(args, out, err, new CliContext(env, in, SecretPrompt.NONE, defaultHttpSettings()));
    }

    /** Like {@link #run(String[], PrintWriter, PrintWriter, Map, InputStream)}, with every outside dependency given. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        return run(args, out, err, context, Help.Ansi.OFF);
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context, Help.Ansi ansi) {
        CommandLine commandLine = new CommandLine(new GreenlightCli(context), new CommandFactory(context))
                .setOut(out)
                .setErr(err)
                .setColorScheme(Help.defaultColorScheme(ansi))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorReporter())
                .setExecutionExceptionHandler(new FailureReporter());
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static HttpSettings defaultHttpSettings() {
        return HttpSettings.defaults(CliVersion.current());
    }

    /** Prints the version the build stamped into the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"greenlight-cli " + CliVersion.current()};
        }
    }
}

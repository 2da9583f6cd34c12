package dev.greenlight.cli.auth;

import dev.greenlight.cli.client.ApiKey;
import dev.greenlight.cli.client.ApiPath;
import dev.greenlight.cli.client.Connection;
import dev.greenlight.cli.client.GreenlightClient;
import dev.greenlight.cli.client.ServerAddress;
import dev.greenlight.cli.command.CliContext;
import dev.greenlight.cli.config.ConfigStore;
import dev.greenlight.cli.config.StoredConfig;
import dev.greenlight.cli.failure.ExitCode;
import dev.greenlight.cli.failure.InvalidInputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

@Command(name = "login",
        description = {
            "Check an API key against the server, then remember the server and the key in the config file.",
            "The key is read from standard input (--api-key-stdin), else from GREENLIGHT_API_KEY, else typed at a prompt."
        },
        footerHeading = "%nExample:%n",
        footer = {
            "  printf '%%s\\n' \"$KEY\" | greenlight login --api-key-stdin \\",
            "      --server https://greenlight.example.com"
        })
public final class LoginCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Option(names = "--api-key-stdin", description = "Read the API key from the first line of standard input.")
    private boolean apiKeyFromStandardInput;

    LoginCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ServerAddress server = context.connectionResolver().server(context.globalOptions().server());
        if (server == null) {
            throw new InvalidInputException("Which server? Pass --server URL, for example --server https://greenlight.example.com.");
        }
        ApiKey apiKey = new ApiKeySource(context).read(apiKeyFromStandardInput);
        JsonNode me;
        try (GreenlightClient client = new GreenlightClient(
                new Connection(server, apiKey, context.globalOptions().insecureHttp()), context.httpSettings())) {
            me = client.get(ApiPath.of("me"));
        }
        ConfigStore store = context.configStore();
        store.save(new StoredConfig(server.toString(), apiKey.secret()));
        context.printer(spec).item(me, (identity, out) -> {
            out.println("Logged in to " + server + " as " + IdentityView.signedInAs(identity) + ".");
            out.println("Saved the server and API key to " + store.file() + " (readable only by you).");
        });
        return ExitCode.SUCCESS;
    }
}

package dev.greenlight.cli.ledger;

import picocli.CommandLine.Command;

@Command(name = "ledger",
        description = "Check Greenlight's transparency log: verify an offline proof file, or audit a workspace's whole log.",
        subcommands = {VerifyProofCommand.class, AuditCommand.class})
public final class LedgerCommand {
}

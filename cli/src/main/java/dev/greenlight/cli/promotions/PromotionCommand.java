package dev.greenlight.cli.promotions;

import picocli.CommandLine.Command;

@Command(name = "promotion", aliases = "promotions",
        description = "Show a promotion with every transition it went through, or list a project's promotions.",
        subcommands = {ShowPromotionCommand.class, ListPromotionsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  greenlight promotion show payments 01890a5d-ac96-774b-bcce-b302099a8057",
            "  greenlight promotions list payments -e prod --limit 10"
        })
public final class PromotionCommand {
}

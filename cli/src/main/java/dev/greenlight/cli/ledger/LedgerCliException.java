package dev.greenlight.cli.ledger;

import dev.greenlight.cli.failure.CliException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger command could not do its check at all (exit code 2): an unreadable file, a server that
 * does not answer as a Greenlight ledger does. A check that ran and failed is a verdict instead.
 */
final class LedgerCliException extends CliException {
    private final List<String> hints;

    LedgerCliException(String message, String... hints) {
        super(message);
        this.hints = List.of(hints);
    }

    LedgerCliException(String message, Throwable cause, List<String> hints) {
        super(message, cause);
        this.hints = List.copyOf(hints);
    }

    /** Adds what was being fetched to a failure of the HTTP client, keeping its explanation. */
    static LedgerCliException whileFetching(String what, CliException failure) {
        List<String> lines = failure.describe();
        return new LedgerCliException("Could not download " + what + ": " + lines.getFirst(), failure, lines.subList(1, lines.size()));
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(getMessage());
        lines.addAll(hints);
        return List.copyOf(lines);
    }
}

package dev.greenlight.cli.failure;

/**
 * The process exit codes of {@code greenlight}. They are part of the CLI's contract with CI
 * pipelines, so they never change meaning.
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int SUCCESS = 0;

    /**
     * A verdict was negative (for example a gate said "blocked"). Kept apart from {@link #ERROR} so
     * a pipeline can tell "the release may not ship" from "the check could not run".
     */
    public static final int NEGATIVE_VERDICT = 1;

    /** Anything went wrong: usage, configuration, a rejected request, an unreachable server. */
    public static final int ERROR = 2;

    private ExitCode() {
    }
}

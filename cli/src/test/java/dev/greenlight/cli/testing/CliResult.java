package dev.greenlight.cli.testing;

/** What one in-process run of the CLI produced. */
public record CliResult(int exitCode, String out, String err) {
    public String all() {
        return out + err;
    }
}

package dev.greenlight.cli.command;

import org.jspecify.annotations.Nullable;

/** Asks a person for a secret without echoing it. */
@FunctionalInterface
public interface SecretPrompt {
    /** For runs without a terminal, such as CI or an in-process call: there is nobody to ask. */
    SecretPrompt NONE = prompt -> null;

    /** The typed secret, or null when no terminal is attached. */
    @Nullable String read(String prompt);

    /** Reads from the process's console, if it has one. */
    static SecretPrompt console() {
        return prompt -> {
            java.io.Console console = System.console();
            if (console == null) {
                return null;
            }
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        };
    }
}

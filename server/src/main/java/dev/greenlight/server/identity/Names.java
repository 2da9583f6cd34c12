package dev.greenlight.server.identity;

/** The patterns principal names follow; shared by validation annotations and services. */
final class Names {
    /** Lower-case, starts with a letter or digit, up to 64 characters; safe in URLs and logs. */
    static final String PRINCIPAL_NAME = "[a-z0-9][a-z0-9._-]{0,63}";
    static final String PRINCIPAL_NAME_MESSAGE = "must be 1-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Names() {
    }
}

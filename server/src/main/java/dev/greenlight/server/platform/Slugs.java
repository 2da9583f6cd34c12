package dev.greenlight.server.platform;

/** The pattern of slugs and names that appear in URLs: workspaces, projects, environments. */
public final class Slugs {
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String MESSAGE = "must be 1-63 characters: lower-case letters, digits or '-', starting with a letter or digit";

    private Slugs() {
    }
}

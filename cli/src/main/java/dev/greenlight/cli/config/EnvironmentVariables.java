package dev.greenlight.cli.config;

/** The environment variables the CLI reads, named once so docs, help and code agree. */
public final class EnvironmentVariables {
    /** Server base URL; overrides the config file, overridden by {@code --server}. */
    public static final String SERVER = "GREENLIGHT_SERVER";
    /** API key; overrides the config file. The way CI pipelines pass the key. */
    public static final String API_KEY = "GREENLIGHT_API_KEY";
    /** Directory holding {@code config.json}; overrides the XDG location. */
    public static final String CONFIG_DIR = "GREENLIGHT_CONFIG_DIR";
    static final String XDG_CONFIG_HOME = "XDG_CONFIG_HOME";
    static final String HOME = "HOME";

    private EnvironmentVariables() {
    }
}

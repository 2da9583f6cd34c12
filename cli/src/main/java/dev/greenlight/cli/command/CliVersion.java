package dev.greenlight.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The CLI's own version, stamped into a resource by the build. */
public final class CliVersion {
    private static final String RESOURCE = "/dev/greenlight/cli/version.properties";
    private static final String VERSION = load();

    private CliVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream stream = CliVersion.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(stream);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

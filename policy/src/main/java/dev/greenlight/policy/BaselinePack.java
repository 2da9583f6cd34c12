package dev.greenlight.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Greenlight's baseline pack, {@code greenlight/baseline}: the checks every release should pass (tests, coverage,
 * vulnerabilities, SBOM, static analysis, load test, provenance). docs/policy.md describes it rule by rule.
 */
public final class BaselinePack {
    /** The classpath resource that holds it. */
    public static final String RESOURCE = "/dev/greenlight/policy/baseline.yaml";

    private BaselinePack() {
    }

    /** The pack's YAML, as shipped; parse it with {@link PolicyPackParser}. */
    public static byte[] yaml() {
        try (InputStream input = BaselinePack.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new IllegalStateException("the baseline pack " + RESOURCE + " is missing from the classpath");
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

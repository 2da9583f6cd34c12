package dev.greenlight.server.browser;

import java.util.List;
import java.util.Map;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What happens when the browser tests cannot run here. A developer without Chromium gets them skipped with a note on
 * how to run them; CI (which exports {@code GREENLIGHT_REQUIRE_ALL=true}) fails instead, so that a machine that lost
 * its browser cannot turn the suite green by running less of it.
 */
final class MissingToolchain {
    static final String REQUIRE_ALL_VARIABLE = "GREENLIGHT_REQUIRE_ALL";

    private MissingToolchain() {
    }

    /** Always throws: {@link AssertionFailedError} when everything is required, {@link TestAbortedException} otherwise. */
    static void skipOrFail(List<String> missing, Map<String, String> environment) {
        if (missing.isEmpty()) {
            throw new IllegalArgumentException("nothing is missing");
        }
        String what = String.join(", and ", missing);
        if ("true".equalsIgnoreCase(environment.get(REQUIRE_ALL_VARIABLE))) {
            throw new AssertionFailedError("browser tests cannot run and " + REQUIRE_ALL_VARIABLE + "=true: " + what);
        }
        throw new TestAbortedException("browser tests skipped: " + what + ", or set " + REQUIRE_ALL_VARIABLE
                + "=true to make this a failure");
    }
}

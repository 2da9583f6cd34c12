package dev.greenlight.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Finding Chromium and Node.js, and skipping or failing when one is missing; with stand-in programs, no browser. */
class BrowserToolchainTest {
    @TempDir
    Path directory;

    @Test
    void findsTheConfiguredChromiumAndTheNodeOnPath() throws IOException {
        Path chromium = program("chromium", "exit 0");
        Path node = program("node", "echo v20.20.2");

        BrowserToolchain.Lookup lookup = BrowserToolchain.lookUp(Map.of("GREENLIGHT_CHROMIUM", chromium.toString(),
                "PATH", "/nonexistent:" + directory));

        assertThat(lookup.missing()).isEmpty();
        assertThat(lookup.toolchain()).contains(new BrowserToolchain(chromium, node));
    }

    @Test
    void playwrightNodePathWinsOverPath() throws IOException {
        Path chromium = program("chromium", "exit 0");
        program("node", "echo v18.0.0");
        Path chosen = program("node22", "echo v22.1.0");

        BrowserToolchain.Lookup lookup = BrowserToolchain.lookUp(Map.of("GREENLIGHT_CHROMIUM", chromium.toString(),
                "PLAYWRIGHT_NODEJS_PATH", chosen.toString(), "PATH", directory.toString()));

        assertThat(lookup.toolchain().orElseThrow().node()).isEqualTo(chosen);
    }

    @Test
    void namesEachMissingProgramWithHowToGetIt() throws IOException {
        program("node", "echo v18.20.4");

        BrowserToolchain.Lookup lookup = BrowserToolchain.lookUp(Map.of("GREENLIGHT_CHROMIUM", "/nonexistent/chromium",
                "PATH", directory.toString()));

        assertThat(lookup.toolchain()).isEmpty();
        assertThat(lookup.missing()).containsExactly(
                "GREENLIGHT_CHROMIUM=/nonexistent/chromium is not an executable file; point it at a Chromium, or unset it to use /usr/bin/chromium",
                directory.resolve("node") + " is Node.js v18.20.4; Playwright's driver needs 20 or newer (set PLAYWRIGHT_NODEJS_PATH to one)");
    }

    @Test
    void nodeMissingFromPathIsNamed() throws IOException {
        Path chromium = program("chromium", "exit 0");

        BrowserToolchain.Lookup lookup = BrowserToolchain.lookUp(Map.of("GREENLIGHT_CHROMIUM", chromium.toString(),
                "PATH", directory.resolve("empty").toString()));

        assertThat(lookup.missing()).singleElement().asString().startsWith("node not found on PATH; install Node.js 20 or newer");
    }

    @Test
    void missingProgramsSkipTheTestsByDefault() {
        List<String> missing = List.of("/usr/bin/chromium not found; apt-get install chromium");

        assertThatThrownBy(() -> MissingToolchain.skipOrFail(missing, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("browser tests skipped: /usr/bin/chromium not found; apt-get install chromium, "
                        + "or set GREENLIGHT_REQUIRE_ALL=true to make this a failure");
    }

    @Test
    void missingProgramsFailTheTestsWhenEverythingIsRequired() {
        List<String> missing = List.of("/usr/bin/chromium not found; apt-get install chromium");

        assertThatThrownBy(() -> MissingToolchain.skipOrFail(missing, Map.of("GREENLIGHT_REQUIRE_ALL", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("browser tests cannot run and GREENLIGHT_REQUIRE_ALL=true: /usr/bin/chromium not found; apt-get install chromium");
    }

    private Path program(String name, String body) throws IOException {
        Path program = directory.resolve(name);
        Files.writeString(program, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }
}

package dev.greenlight.server.browser;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programs a browser test runs besides the JVM: Debian's Chromium, a Node.js for Playwright's driver, and that
 * driver's JavaScript (from the {@code com.microsoft.playwright:driver} jar). Looked up from the environment the way
 * CI and a developer's shell provide them, so that a missing one is named with how to get it.
 */
record BrowserToolchain(Path chromium, Path node) {
    static final String CHROMIUM_VARIABLE = "GREENLIGHT_CHROMIUM";
    static final String NODE_VARIABLE = "PLAYWRIGHT_NODEJS_PATH";
    static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    /** Playwright 1.62's playwright-core declares {@code "engines": {"node": ">=20"}}. */
    static final int OLDEST_NODE_MAJOR = 20;
    private static final String DRIVER_ENTRY = "driver/package/cli.js";
    private static final Pattern NODE_VERSION = Pattern.compile("^v(\\d+)\\.");

    BrowserToolchain {
        requireNonNull(chromium, "chromium is null");
        requireNonNull(node, "node is null");
    }

    /** What was found, or one line per missing program saying what is missing and how to get it. */
    record Lookup(Optional<BrowserToolchain> toolchain, List<String> missing) {
        Lookup {
            missing = List.copyOf(missing);
        }
    }

    static Lookup lookUp(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        Optional<Path> chromium = chromium(environment, missing);
        Optional<Path> node = node(environment, missing);
        if (BrowserToolchain.class.getClassLoader().getResource(DRIVER_ENTRY) == null) {
            missing.add("Playwright's driver (" + DRIVER_ENTRY + " from com.microsoft.playwright:driver) is not on the class path; "
                    + "it comes with the playwright test dependency in server/pom.xml");
        }
        if (!missing.isEmpty()) {
            return new Lookup(Optional.empty(), missing);
        }
        return new Lookup(Optional.of(new BrowserToolchain(chromium.orElseThrow(), node.orElseThrow())), List.of());
    }

    private static Optional<Path> chromium(Map<String, String> environment, List<String> missing) {
        String configured = environment.get(CHROMIUM_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (isExecutableFile(path)) {
                return Optional.of(path);
            }
            missing.add(CHROMIUM_VARIABLE + "=" + configured + " is not an executable file; point it at a Chromium, "
                    + "or unset it to use " + DEBIAN_CHROMIUM);
            return Optional.empty();
        }
        if (isExecutableFile(DEBIAN_CHROMIUM)) {
            return Optional.of(DEBIAN_CHROMIUM);
        }
        missing.add(DEBIAN_CHROMIUM + " not found; apt-get install chromium");
        return Optional.empty();
    }

    private static Optional<Path> node(Map<String, String> environment, List<String> missing) {
        String configured = environment.get(NODE_VARIABLE);
        Optional<Path> node;
        if (configured != null && !configured.isBlank()) {
            node = Optional.of(Path.of(configured)).filter(BrowserToolchain::isExecutableFile);
            if (node.isEmpty()) {
                missing.add(NODE_VARIABLE + "=" + configured + " is not an executable file; point it at Node.js "
                        + OLDEST_NODE_MAJOR + " or newer, or unset it to use node from PATH");
                return Optional.empty();
            }
        } else {
            node = onPath("node", environment.getOrDefault("PATH", ""));
            if (node.isEmpty()) {
                missing.add("node not found on PATH; install Node.js " + OLDEST_NODE_MAJOR
                        + " or newer (apt-get install nodejs), or set " + NODE_VARIABLE);
                return Optional.empty();
            }
        }
        Optional<String> tooOld = tooOld(node.get());
        if (tooOld.isPresent()) {
            missing.add(tooOld.get());
            return Optional.empty();
        }
        return node;
    }

    /** Why this node cannot run Playwright's driver, if it cannot. */
    private static Optional<String> tooOld(Path node) {
        String version = versionOf(node);
        Matcher major = NODE_VERSION.matcher(version);
        if (!major.find()) {
            return Optional.of(node + " --version answered '" + version + "', not a Node.js version");
        }
        if (Integer.parseInt(major.group(1)) < OLDEST_NODE_MAJOR) {
            return Optional.of(node + " is Node.js " + version + "; Playwright's driver needs " + OLDEST_NODE_MAJOR
                    + " or newer (set " + NODE_VARIABLE + " to one)");
        }
        return Optional.empty();
    }

    private static String versionOf(Path node) {
        try {
            Process process = new ProcessBuilder(node.toString(), "--version").redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "nothing within 20 seconds";
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Optional<Path> onPath(String program, String path) {
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank() && isExecutableFile(Path.of(directory, program))) {
                return Optional.of(Path.of(directory, program));
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}

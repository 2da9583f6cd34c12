package dev.greenlight.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import dev.greenlight.server.testing.InProcessServer;

/**
 * A bad setting stops the start with one line that names the environment variable, the property and what is wrong,
 * never shows a password, and comes before Greenlight starts its database or opens a port.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationValidationTest {
    private static final String SECRET = "Sup3r-Secret-Passw0rd";
    private static final String LINE_PREFIX = "greenlight: ";

    @TempDir
    Path dataDirectory;

    /** One bad setting: what is set, and what the single line must say about it. */
    record BadSetting(Map<String, String> properties, String property, String variable, String problem) {
        static BadSetting of(String property, String value, String variable, String problem) {
            return new BadSetting(Map.of(property, value), property, variable, problem);
        }

        @Override
        public String toString() {
            return properties.toString();
        }
    }

    static Stream<BadSetting> badSettings() {
        return Stream.of(
                BadSetting.of("greenlight.port", "70000", "GREENLIGHT_PORT", "must be less than or equal to 65535"),
                BadSetting.of("greenlight.port", "abc", "GREENLIGHT_PORT", "cannot be read as int"),
                BadSetting.of("greenlight.database.url", "mysql://x", "GREENLIGHT_DATABASE_URL", "must be a jdbc:postgresql:// URL"),
                BadSetting.of("greenlight.cors-origins", "not-an-origin", "GREENLIGHT_CORS_ORIGINS", "must be an origin"),
                BadSetting.of("greenlight.login.lockout", "0s", "GREENLIGHT_LOGIN_LOCKOUT", "must be longer than or equal to 1 second"),
                BadSetting.of("greenlight.login.lockout", "soon", "GREENLIGHT_LOGIN_LOCKOUT", "cannot be read as Duration"),
                BadSetting.of("greenlight.rate-limit.per-credential-per-minute", "-1", "GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL", "must be greater than or equal to 0"),
                BadSetting.of("greenlight.management.port", "abc", "GREENLIGHT_MANAGEMENT_PORT", "cannot be read as Integer"),
                new BadSetting(Map.of("greenlight.oidc.issuer", "https://id.example.com", "greenlight.oidc.audience", ""),
                        "greenlight.oidc.audience", "GREENLIGHT_OIDC_AUDIENCE", "must be set when GREENLIGHT_OIDC_ISSUER is set"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void badSettingStopsTheStartWithOneLineBeforeTheDatabaseStartsOrAPortOpens(BadSetting setting, CapturedOutput output) {
        FailedStart start = startWith(setting.properties(), output);

        String expectedLine = "invalid configuration: " + setting.variable() + " (" + setting.property();
        assertThat(start.printedLines()).singleElement().asString().startsWith(expectedLine).contains(setting.problem());
        assertThat(start.analysis()).as("analysis of " + start.failure()).isNotNull();
        assertThat(start.analysis().getDescription()).isEqualTo(start.printedLines().getFirst());
        assertThat(output.getAll()).doesNotContain(SECRET);
        assertThat(dataDirectory.resolve("postgres")).as("embedded PostgreSQL directory").doesNotExist();
        assertThat(start.webServerStarted()).as("a port was opened").isFalse();
    }

    @Test
    void passwordInsideABadDatabaseUrlIsNotEchoed(CapturedOutput output) {
        FailedStart start = startWith(Map.of("greenlight.database.url", "postgresql://greenlight:" + SECRET + "@db.example.com/greenlight?password=" + SECRET), output);

        assertThat(start.printedLines()).singleElement().asString()
                .startsWith("invalid configuration: GREENLIGHT_DATABASE_URL (greenlight.database.url)")
                .contains("db.example.com");
        assertThat(output.getAll()).doesNotContain(SECRET);
    }

    @Test
    void unusableDataDirectoryIsReportedAsSuch(CapturedOutput output) throws IOException {
        Path notADirectory = Files.writeString(dataDirectory.resolve("a-file"), "not a directory");

        FailedStart start = startWith(Map.of("greenlight.data-dir", notADirectory.toString()), output);

        assertThat(start.printedLines()).singleElement().asString()
                .startsWith("invalid configuration: GREENLIGHT_DATA_DIR (greenlight.data-dir)").contains("cannot create");
        assertThat(start.webServerStarted()).isFalse();
    }

    /** What a failed start left behind: the exception, Greenlight's own lines on stderr, whether a port opened. */
    private record FailedStart(Throwable failure, List<String> printedLines, FailureAnalysis analysis, boolean webServerStarted) {
    }

    private FailedStart startWith(Map<String, String> settings, CapturedOutput output) {
        AtomicBoolean webServerStarted = new AtomicBoolean();
        AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();
        InProcessServer.Builder builder = InProcessServer.on(dataDirectory)
                .property("greenlight.database.password", SECRET)
                .listener((ApplicationListener<WebServerInitializedEvent>) event -> webServerStarted.set(true))
                .listener((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> environment.set(event.getEnvironment()));
        settings.forEach(builder::property);
        int errorOutputBefore = output.getErr().length();
        Throwable failure = catchThrowable(builder::start);
        List<String> printed = output.getErr().substring(errorOutputBefore).lines()
                .filter(line -> line.startsWith(LINE_PREFIX))
                .map(line -> line.substring(LINE_PREFIX.length()))
                .toList();
        assertThat(failure).as("the start with " + settings + " failed").isNotNull();
        FailureAnalysis analysis = new ConfigurationFailureAnalyzer(environment.get()).analyze(failure);
        return new FailedStart(failure, printed, analysis, webServerStarted.get());
    }
}

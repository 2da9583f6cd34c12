package dev.greenlight.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Pins the name, environment variable and default of every Greenlight setting as the packaged application.yaml
 * defines them, so that renaming one or changing a default is a deliberate act that fails here first. docs/configuration.md
 * documents the same table.
 */
class GreenlightPropertiesTest {

    /** One setting: its property, the variable that sets it, and a value to set that differs from its default. */
    record Setting(String property, String variable, String sample, Object boundSample, Function<GreenlightProperties, Object> read) {
        @Override
        public String toString() {
            return variable + " -> " + property;
        }
    }

    static final List<Setting> SETTINGS = List.of(
            new Setting("greenlight.data-dir", "GREENLIGHT_DATA_DIR", "/srv/greenlight", Path.of("/srv/greenlight"), GreenlightProperties::dataDir),
            new Setting("greenlight.port", "GREENLIGHT_PORT", "9090", 9090, GreenlightProperties::port),
            new Setting("greenlight.bind", "GREENLIGHT_BIND", "0.0.0.0", address("0.0.0.0"), GreenlightProperties::bind),
            new Setting("greenlight.database.url", "GREENLIGHT_DATABASE_URL", "jdbc:postgresql://db.example.com/greenlight",
                    "jdbc:postgresql://db.example.com/greenlight", properties -> properties.database().url()),
            new Setting("greenlight.database.user", "GREENLIGHT_DATABASE_USER", "greenlight", "greenlight", properties -> properties.database().user()),
            new Setting("greenlight.database.password", "GREENLIGHT_DATABASE_PASSWORD", "hunter2", "hunter2", properties -> properties.database().password()),
            new Setting("greenlight.management.port", "GREENLIGHT_MANAGEMENT_PORT", "9465", 9465, properties -> properties.management().port()),
            new Setting("greenlight.management.bind", "GREENLIGHT_MANAGEMENT_BIND", "10.0.0.5", address("10.0.0.5"), properties -> properties.management().bind()),
            new Setting("greenlight.cors-origins", "GREENLIGHT_CORS_ORIGINS", "https://ci.example.com,https://portal.example.com",
                    List.of("https://ci.example.com", "https://portal.example.com"), GreenlightProperties::corsOrigins),
            new Setting("greenlight.rate-limit.per-credential-per-minute", "GREENLIGHT_RATE_LIMIT_PER_CREDENTIAL", "60", 60,
                    properties -> properties.rateLimit().perCredentialPerMinute()),
            new Setting("greenlight.rate-limit.per-address-per-minute", "GREENLIGHT_RATE_LIMIT_PER_ADDRESS", "120", 120,
                    properties -> properties.rateLimit().perAddressPerMinute()),
            new Setting("greenlight.login.max-failures", "GREENLIGHT_LOGIN_MAX_FAILURES", "3", 3, properties -> properties.login().maxFailures()),
            new Setting("greenlight.login.lockout", "GREENLIGHT_LOGIN_LOCKOUT", "1h", Duration.ofHours(1), properties -> properties.login().lockout()),
            new Setting("greenlight.oidc.issuer", "GREENLIGHT_OIDC_ISSUER", "https://id.example.com", "https://id.example.com", properties -> properties.oidc().issuer()),
            new Setting("greenlight.oidc.audience", "GREENLIGHT_OIDC_AUDIENCE", "greenlight-api", "greenlight-api", properties -> properties.oidc().audience()),
            new Setting("greenlight.oidc.jwks-uri", "GREENLIGHT_OIDC_JWKS_URI", "https://id.example.com/jwks", "https://id.example.com/jwks",
                    properties -> properties.oidc().jwksUri()),
            new Setting("greenlight.oidc.client-id", "GREENLIGHT_OIDC_CLIENT_ID", "greenlight-dashboard", "greenlight-dashboard",
                    properties -> properties.oidc().clientId()),
            new Setting("greenlight.oidc.client-secret", "GREENLIGHT_OIDC_CLIENT_SECRET", "s3cret", "s3cret", properties -> properties.oidc().clientSecret()),
            new Setting("greenlight.oidc.display-name", "GREENLIGHT_OIDC_DISPLAY_NAME", "Acme SSO", "Acme SSO", properties -> properties.oidc().displayName()),
            new Setting("greenlight.oidc.redirect-uri", "GREENLIGHT_OIDC_REDIRECT_URI", "https://greenlight.example.com/login/oauth2/code/oidc",
                    "https://greenlight.example.com/login/oauth2/code/oidc", properties -> properties.oidc().redirectUri()));

    /** Settings under greenlight.* that another feature binds, pins and documents with its own properties class. */
    static final List<String> PREFIXES_OF_OTHER_FEATURES = List.of("greenlight.ledger.", "greenlight.evidence.", "greenlight.waivers.",
            "greenlight.badges.", "greenlight.health.", "greenlight.promotions.", "greenlight.jobs.");

    static final GreenlightProperties DEFAULTS = new GreenlightProperties(
            Path.of("greenlight-data"), // ./greenlight-data, relative to the working directory
            8080,
            address("127.0.0.1"),
            new GreenlightProperties.Database("", "", ""),
            new GreenlightProperties.Management(9464, address("127.0.0.1")),
            List.of(),
            new GreenlightProperties.RateLimit(600, 1200),
            new GreenlightProperties.Login(5, Duration.ofMinutes(15)),
            new GreenlightProperties.Oidc("", "", "", "", "", "single sign-on", ""));

    @Test
    void defaultsWithoutAnyEnvironmentVariable() {
        assertThat(bind(Map.of())).isEqualTo(DEFAULTS);
    }

    @Test
    void defaultsStartTheEmbeddedDatabaseOnLoopbackWithoutOidc() {
        assertThat(DEFAULTS.database().isExternal()).isFalse();
        assertThat(DEFAULTS.bind().isLoopbackAddress()).isTrue();
        assertThat(DEFAULTS.management().bind().isLoopbackAddress()).isTrue();
        assertThat(DEFAULTS.oidc().isEnabled()).isFalse();
        assertThat(DEFAULTS.oidc().jwksUriOrNull()).isNull();
        assertThat(DEFAULTS.oidc().browserSignInEnabled()).isFalse();
        assertThat(DEFAULTS.oidc().redirectUriOrNull()).isNull();
    }

    static Stream<Setting> settings() {
        return SETTINGS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void everySettingIsReadFromItsEnvironmentVariable(Setting setting) {
        Map<String, Object> variables = new LinkedHashMap<>();
        SETTINGS.forEach(each -> variables.put(each.variable(), each.sample()));

        GreenlightProperties bound = bind(variables);

        assertThat(setting.read().apply(bound)).isEqualTo(setting.boundSample());
        assertThat(setting.read().apply(DEFAULTS)).as("the sample must differ from the default").isNotEqualTo(setting.boundSample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void failureMessagesNameTheVariableThatApplicationYamlReads(Setting setting) {
        StandardEnvironment environment = environment(Map.of());

        assertThat(new ConfigurationFailureAnalyzer(environment).environmentVariable(setting.property())).isEqualTo(setting.variable());
    }

    @Test
    void everyPropertyOfTheRecordIsPinnedHere() {
        List<String> pinned = SETTINGS.stream().map(Setting::property).sorted().toList();

        assertThat(propertyNames("greenlight", GreenlightProperties.class).sorted().toList()).isEqualTo(pinned);
        assertThat(applicationYaml().stream()
                .flatMap(source -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
                .filter(name -> name.startsWith("greenlight."))
                .filter(name -> PREFIXES_OF_OTHER_FEATURES.stream().noneMatch(name::startsWith))
                .sorted().toList()).isEqualTo(pinned);
    }

    @Test
    void databaseDescriptionNeverContainsThePassword() {
        var database = new GreenlightProperties.Database("jdbc:postgresql://db.example.com/greenlight", "greenlight", "hunter2");

        assertThat(database.toString()).doesNotContain("hunter2").contains("password=***").contains("db.example.com");
        assertThat(new GreenlightProperties.Database("", "", "").toString()).doesNotContain("***");
    }

    @Test
    void databaseDescriptionHidesAPasswordWrittenIntoTheUrl() {
        var database = new GreenlightProperties.Database(
                "jdbc:postgresql://greenlight:hunter2@db.example.com/greenlight?sslmode=require&password=hunter2", "", "");

        assertThat(database.toString()).doesNotContain("hunter2").contains("db.example.com").contains("sslmode=require");
    }

    @Test
    void oidcIssuerWithoutAudienceIsRefusedWhileBinding() {
        Map<String, Object> variables = Map.of("GREENLIGHT_OIDC_ISSUER", "https://id.example.com");

        assertThat(catchThrowable(() -> bind(variables)))
                .rootCause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("must be set when GREENLIGHT_OIDC_ISSUER is set");
    }

    @Test
    void oidcDescriptionNeverContainsTheClientSecret() {
        var oidc = new GreenlightProperties.Oidc("https://id.example.com", "greenlight-api", "", "greenlight-dashboard", "hunter2", "Acme SSO", "");

        assertThat(oidc.toString()).doesNotContain("hunter2").contains("clientSecret=***").contains("greenlight-dashboard");
        assertThat(oidc.browserSignInEnabled()).isTrue();
    }

    @Test
    void browserSignInClientWithoutIssuerIsRefusedWhileBinding() {
        Map<String, Object> variables = Map.of("GREENLIGHT_OIDC_CLIENT_ID", "greenlight-dashboard");

        assertThat(catchThrowable(() -> bind(variables)))
                .rootCause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("needs GREENLIGHT_OIDC_ISSUER, the issuer people sign in with");
    }

    @Test
    void clientSecretWithoutClientIdIsRefusedWhileBinding() {
        Map<String, Object> variables = Map.of("GREENLIGHT_OIDC_ISSUER", "https://id.example.com", "GREENLIGHT_OIDC_AUDIENCE", "api",
                "GREENLIGHT_OIDC_CLIENT_SECRET", "hunter2");

        Throwable failure = catchThrowable(() -> bind(variables));
        assertThat(failure).rootCause().isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("is set but GREENLIGHT_OIDC_CLIENT_ID is not");
        assertThat(failure).rootCause().hasMessageNotContaining("hunter2");
    }

    /** Binds application.yaml the way the application does, with {@code variables} as the only environment. */
    private static GreenlightProperties bind(Map<String, Object> variables) {
        return Binder.get(environment(variables)).bind("greenlight", GreenlightProperties.class).get();
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        // Nothing from the machine running the test: only the variables given, then the packaged application.yaml.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addLast(new MapPropertySource("variables", variables));
        applicationYaml().forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    private static List<PropertySource<?>> applicationYaml() {
        try {
            return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leaf property names of a properties record, the way Boot derives them: greenlight.rate-limit.per-address-per-minute. */
    private static Stream<String> propertyNames(String prefix, Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).flatMap(component -> {
            String name = prefix + "." + kebabCase(component);
            return isNestedSettings(component) ? propertyNames(name, component.getType()) : Stream.of(name);
        });
    }

    private static boolean isNestedSettings(RecordComponent component) {
        return component.getType().isRecord() && component.getType().getEnclosingClass() == GreenlightProperties.class;
    }

    private static String kebabCase(RecordComponent component) {
        return component.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

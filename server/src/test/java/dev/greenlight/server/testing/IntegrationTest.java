package dev.greenlight.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port, over real HTTP, against its own database
 * in the shared test PostgreSQL. Classes that extend this without changing properties share one started context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "greenlight.port=0",
        "greenlight.management.port=0",
        "greenlight.rate-limit.per-credential-per-minute=100000",
        "greenlight.rate-limit.per-address-per-minute=100000"})
@Import(FailingEndpoint.class)
public abstract class IntegrationTest {

    @Autowired
    protected Environment environment;

    protected Api api;
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void isolatedDatabaseAndDataDirectory(DynamicPropertyRegistry registry) {
        // Evaluated once per context: the registry's suppliers may be read many times and must agree.
        String databaseUrl = TestPostgres.newDatabaseUrl();
        String dataDirectory = newDataDirectory();
        registry.add("greenlight.database.url", () -> databaseUrl);
        registry.add("greenlight.data-dir", () -> dataDirectory);
    }

    @BeforeEach
    void connect() {
        api = new Api("http://127.0.0.1:" + environment.getProperty("local.server.port"));
        fixtures = new Fixtures(api, bootstrapKey());
    }

    /** The key the first start wrote for the bootstrap administrator. */
    protected String bootstrapKey() {
        try {
            return Files.readString(Path.of(environment.getProperty("greenlight.data-dir")).resolve("bootstrap-admin-key")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the bootstrap key file is missing", e);
        }
    }

    protected Api admin() {
        return api.as(bootstrapKey());
    }

    private static String newDataDirectory() {
        try {
            return Files.createTempDirectory("greenlight-test-").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

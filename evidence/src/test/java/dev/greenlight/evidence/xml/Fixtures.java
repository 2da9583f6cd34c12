package dev.greenlight.evidence.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test fixtures under src/test/resources, and documents written inline in tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A fixture's bytes, by its path under the test resources ("xml/junit/pytest.xml"). */
    public static byte[] bytes(String resource) {
        try (InputStream input = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return input.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream stream(String resource) {
        return new ByteArrayInputStream(bytes(resource));
    }

    public static InputStream utf8(String document) {
        return new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.greenlight.cli.releases;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A release artifact and the SHA-256 of its bytes, as given with {@code --artifact name=sha256}. */
record ArtifactDigest(String name, String sha256) {
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    ArtifactDigest {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the artifact name is empty");
        }
        if (!SHA_256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("the SHA-256 of " + name + " is not 64 hexadecimal characters");
        }
    }

    /** Splits at the last '=', since a digest never contains one but a file name might. */
    static ArtifactDigest parse(String text) {
        int separator = text.lastIndexOf('=');
        if (separator < 0) {
            throw new IllegalArgumentException("expected NAME=SHA256, e.g. app.jar=" + "0".repeat(64));
        }
        return new ArtifactDigest(text.substring(0, separator).strip(), text.substring(separator + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** Lets picocli report a malformed {@code --artifact} as a usage error naming the option. */
    static final class Converter implements ITypeConverter<ArtifactDigest> {
        @Override
        public ArtifactDigest convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage());
            }
        }
    }
}

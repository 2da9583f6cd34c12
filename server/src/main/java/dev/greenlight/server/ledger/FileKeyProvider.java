package dev.greenlight.server.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import dev.greenlight.ledger.note.NoteSigner;
import dev.greenlight.server.config.InvalidConfigurationException;

/**
 * Ed25519 keys in PKCS#8 files: every {@code *.pk8} under {@code <data-dir>/ledger-keys} (generated there, mode 0600)
 * and the file named by {@code GREENLIGHT_LEDGER_SIGNING_KEY_FILE}, if any.
 */
final class FileKeyProvider implements KeyProvider {
    /** DER prefix of a PKCS#8 Ed25519 private key; the 32-byte seed follows (RFC 8410). */
    static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private final Path keyDirectory;
    private final @Nullable Path configuredFile;
    private final SecureRandom random = new SecureRandom();

    FileKeyProvider(Path dataDirectory, @Nullable Path configuredFile) {
        this.keyDirectory = dataDirectory.resolve("ledger-keys");
        this.configuredFile = configuredFile;
    }

    @Override
    public List<SigningKeyMaterial> available() {
        List<SigningKeyMaterial> keys = new ArrayList<>();
        if (configuredFile != null) {
            keys.add(read(configuredFile, "greenlight.ledger.signing-key-file"));
        }
        if (Files.isDirectory(keyDirectory)) {
            try (Stream<Path> files = Files.list(keyDirectory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".pk8")).sorted()
                        .forEach(file -> keys.add(read(file, "greenlight.data-dir")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + keyDirectory, e);
            }
        }
        return keys;
    }

    @Override
    public SigningKeyMaterial generate() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        byte[] publicKey = publicKeyOf(seed);
        Path file = keyDirectory.resolve(HexFormat.of().formatHex(publicKey, 0, 8) + ".pk8");
        try {
            Files.createDirectories(keyDirectory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] encoded = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
            System.arraycopy(seed, 0, encoded, PKCS8_PREFIX.length, seed.length);
            Files.write(file, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a new signing key under " + keyDirectory, e);
        }
        return new SigningKeyMaterial(seed, publicKey, "data-dir:ledger-keys/" + file.getFileName());
    }

    private static SigningKeyMaterial read(Path file, String property) {
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidConfigurationException(property, "cannot read the signing key " + file.getFileName() + " (" + e.getClass().getSimpleName() + ")");
        }
        if (encoded.length != PKCS8_PREFIX.length + 32 || !Arrays.equals(encoded, 0, PKCS8_PREFIX.length, PKCS8_PREFIX, 0, PKCS8_PREFIX.length)) {
            throw new InvalidConfigurationException(property, "the signing key " + file.getFileName() + " is not a PKCS#8 Ed25519 private key");
        }
        byte[] seed = Arrays.copyOfRange(encoded, PKCS8_PREFIX.length, encoded.length);
        String source = property.equals("greenlight.data-dir") ? "data-dir:ledger-keys/" + file.getFileName() : "file:" + file.getFileName();
        return new SigningKeyMaterial(seed, publicKeyOf(seed), source);
    }

    /** The key name does not affect the public key; any valid name derives it. */
    static byte[] publicKeyOf(byte[] seed) {
        return NoteSigner.ofEd25519Seed("key", seed).verifier().publicKey();
    }
}

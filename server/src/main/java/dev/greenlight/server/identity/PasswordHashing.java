package dev.greenlight.server.identity;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.greenlight.server.platform.GreenlightException;

/**
 * Argon2id with OWASP's recommended parameters (19 MiB, 2 iterations, 1 lane). Also holds the password rules, so
 * that every place that sets a password applies the same ones.
 */
@Component
public class PasswordHashing {
    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 256;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Hashed for unknown users so that a wrong user name takes as long as a wrong password. */
    private final String decoyHash = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        if (password.length() < MINIMUM_LENGTH || password.length() > MAXIMUM_LENGTH) {
            throw GreenlightException.badRequest("A password must be " + MINIMUM_LENGTH + " to " + MAXIMUM_LENGTH + " characters long.");
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void spendDecoyTime(String password) {
        encoder.matches(password, decoyHash);
    }
}

package dev.greenlight.server.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.greenlight.server.platform.PublicEndpoint;

/**
 * A test-only handler that fails the way a bug would, with a message full of things that must never reach a client.
 * Outside /api so that it stays out of the OpenAPI document.
 */
@RestController
public class FailingEndpoint {
    public static final String LEAKY_MESSAGE = "select password_hash from principals where name = 'admin' -- /etc/greenlight/secret.key";

    @GetMapping("/test/failure")
    @PublicEndpoint("test only: exercises the handling of unexpected errors")
    String fail() {
        throw new IllegalStateException(LEAKY_MESSAGE);
    }
}

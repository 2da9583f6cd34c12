package dev.greenlight.server.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller of the current request from the security context. */
public final class CurrentCaller {
    private CurrentCaller() {
    }

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** The caller; handlers behind a permission check can rely on one being present. */
    public static Caller require() {
        return find().orElseThrow(() -> new GreenlightException(ProblemKind.UNAUTHENTICATED, "Sign in or present an API key."));
    }
}

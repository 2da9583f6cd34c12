package dev.greenlight.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.greenlight.server.platform.PrincipalKind;

/** The JSON shapes of the identity API. */
final class IdentityViews {
    private IdentityViews() {
    }

    record UserView(String name, String kind, String displayName, @Nullable String email, @Nullable String oidcSubject,
            boolean instanceAdmin, boolean locked, boolean disabled, Instant createdAt) {

        static UserView of(Principal principal, Clock clock) {
            boolean locked = principal.lockedUntil() != null && Instant.now(clock).isBefore(principal.lockedUntil());
            return new UserView(principal.name(), PrincipalKind.USER.wireName(), principal.displayName(), principal.email(),
                    principal.oidcSubject(), principal.instanceAdmin(), locked, principal.isDisabled(), principal.createdAt());
        }
    }

    record ServiceAccountView(String name, String kind, String displayName, @Nullable String description,
            @Nullable String oidcSubject, boolean disabled, Instant createdAt) {

        static ServiceAccountView of(Principal principal) {
            return new ServiceAccountView(principal.name(), PrincipalKind.SERVICE_ACCOUNT.wireName(), principal.displayName(),
                    principal.description(), principal.oidcSubject(), principal.isDisabled(), principal.createdAt());
        }
    }

    record ApiKeyView(String id, String name, String principal, List<String> scopes, Instant createdAt,
            @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.principalName(), key.scopes(), key.createdAt(), key.expiresAt(),
                    key.revokedAt(), key.lastUsedAt());
        }
    }

    /** The only response that carries a key's token; it is never shown again. */
    record IssuedApiKeyView(String id, String name, String principal, List<String> scopes, Instant createdAt,
            @Nullable Instant expiresAt, String token) {

        static IssuedApiKeyView of(IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new IssuedApiKeyView(key.id(), key.name(), key.principalName(), key.scopes(), key.createdAt(), key.expiresAt(), issued.token());
        }

        @Override
        public String toString() {
            return "IssuedApiKeyView[id=" + id + ", token=***]";
        }
    }
}
